import Dojo

/// ``evaluate(policy:environment:episodes:seed:deterministic:)`` on a fresh environment made
/// from `environmentID` by `registry` (with its registered time limit), for code that knows the
/// environment only by id (`dojo eval`, a checkpoint's `env_id`).
///
/// - Parameter checkpoint: the policy's checkpoint metadata and path, when it came from a file:
///   the environment must then have the spaces it was trained on.
/// - Throws: ``AgentError/environment(_:)`` for an unknown id or options,
///   ``AgentError/invalidCheckpoint(path:reason:)`` for mismatched spaces, or what evaluation throws.
public func evaluate(
    policy: some Policy, environmentID: String, registry: EnvironmentRegistry, options: Options = [:],
    episodes: Int = 10, seed: UInt64 = 0, deterministic: Bool = true, checkpoint: (metadata: CheckpointMetadata, path: String)? = nil
) throws(AgentError) -> EvaluationResult {
    try registry.openForAgent(
        id: environmentID, options: options,
        with: RegisteredEvaluation(
            policy: policy, environmentID: environmentID, episodes: episodes, seed: seed, deterministic: deterministic,
            checkpoint: checkpoint))
}

/// Evaluates a policy on whatever environment the registry opens.
private struct RegisteredEvaluation<P: Policy>: EnvironmentVisitor {
    let policy: P
    let environmentID: String
    let episodes: Int
    let seed: UInt64
    let deterministic: Bool
    let checkpoint: (metadata: CheckpointMetadata, path: String)?

    func visit<E: Environment>(_ environment: E) throws -> EvaluationResult {
        if let checkpoint {
            try checkpoint.metadata.requireSpaces(of: environment, environmentID: environmentID, path: checkpoint.path)
        }
        return try evaluate(policy: policy, environment: environment, episodes: episodes, seed: seed, deterministic: deterministic)
    }
}
