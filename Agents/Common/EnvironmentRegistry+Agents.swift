import Dojo

extension EnvironmentRegistry {
    /// Opens the environment registered as `environmentID` with its concrete type for an
    /// agent's `visitor` (training, evaluation), with every failure as an ``AgentError``: the
    /// visitor's own, the environment's, or anything else naming the id.
    func openForAgent<Visitor: EnvironmentVisitor>(
        id environmentID: String, options: Options, with visitor: Visitor
    ) throws(AgentError) -> Visitor.Result {
        do {
            return try open(id: environmentID, options: options, with: visitor)
        } catch let error as AgentError {
            throw error
        } catch let error as EnvironmentError {
            throw .environment(error)
        } catch {
            throw .file(path: environmentID, reason: "\(error)")
        }
    }

    /// The spec registered as `environmentID`, its lookup failure as an ``AgentError``.
    func agentSpec(_ environmentID: String) throws(AgentError) -> EnvironmentSpec {
        do {
            return try spec(environmentID)
        } catch {
            throw .environment(error)
        }
    }
}
