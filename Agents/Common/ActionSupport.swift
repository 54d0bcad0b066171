import Dojo

/// Checks that `agent` can act in the environment registered as `environmentID` (DQN needs
/// discrete actions; the policy-gradient agents also take `Box` actions), so a run that cannot
/// train is refused before anything is written.
///
/// - Throws: ``AgentError/unsupportedActionSpace(environment:space:)``, or the environment's
///   error for an unknown id or bad options.
public func requireActionSupport(agent: String, environmentID: String, registry: EnvironmentRegistry, options: Options = [:]) throws(AgentError) {
    let environment: any Environment
    do {
        environment = try registry.make(id: environmentID, options: options)
    } catch {
        throw .environment(error)
    }
    let space = environment.actionSpace
    let supported = agent == DQNCheckpoint.agentName ? space.discreteActionCount != nil : (space.discreteActionCount ?? space.continuousActionSize) != nil
    if !supported { throw .unsupportedActionSpace(environment: environmentID, space: space.description) }
}
