/// Work on an environment whose concrete type is known only at run time: a learner given an id.
///
/// ``EnvironmentRegistry/open(id:options:with:)`` makes the environment and calls
/// ``visit(_:)`` with its concrete type, so the visitor runs generic, specialised code (vector
/// environments of that type, typed observations) with no casts and no type erasure on the
/// stepping path.
///
/// ```swift
/// struct CountSteps: EnvironmentVisitor {
///     func visit<E: Environment>(_ environment: E) throws -> Int {
///         let envs = SyncVectorEnvironment(count: 8) { _ in environment }
///         ...
///     }
/// }
/// let steps = try EnvironmentRegistry.standard.open(id: "CartPole-v1", with: CountSteps())
/// ```
public protocol EnvironmentVisitor {
    /// What the work produces.
    associatedtype Result

    /// Does the work on `environment`, fresh from the registry (copies of it are independent
    /// environments: environments are values).
    func visit<E: Environment>(_ environment: E) throws -> Result
}

extension EnvironmentRegistry {
    /// Makes `id` as ``make(id:options:maxEpisodeSteps:)`` does and hands it to `visitor` with
    /// its concrete type.
    ///
    /// - Throws: `EnvironmentError` for an unknown id or invalid options, or what `visitor` throws.
    public func open<Visitor: EnvironmentVisitor>(
        id: String, options: Options = [:], maxEpisodeSteps: Int? = nil, with visitor: Visitor
    ) throws -> Visitor.Result {
        let environment = try make(id: id, options: options, maxEpisodeSteps: maxEpisodeSteps)
        return try visitor.visit(environment)
    }
}
