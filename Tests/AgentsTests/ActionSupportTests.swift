import Agents
import Dojo
import Environments
import Testing

/// `requireActionSupport`: the check `dojo train` makes before anything is written, that the
/// agent can act in the environment's action space.
@Suite struct ActionSupportTests {
    var registry: EnvironmentRegistry {
        var registry = EnvironmentRegistry.standard
        registry.register(id: "PointReach-v0", maxEpisodeSteps: 20) { _ in PointReach() }
        return registry
    }

    @Test func dqnNeedsDiscreteActions() throws {
        #expect(throws: AgentError.self) {
            try requireActionSupport(agent: "dqn", environmentID: "PointReach-v0", registry: registry)
        }
        do {
            try requireActionSupport(agent: "dqn", environmentID: "PointReach-v0", registry: registry)
        } catch {
            #expect("\(error)".contains("PointReach-v0") && "\(error)".contains("Box"), "\(error)")
        }
        try requireActionSupport(agent: "dqn", environmentID: "CartPole-v1", registry: registry)
    }

    @Test(arguments: ["ppo", "a2c", "reinforce"])
    func policyGradientsTakeDiscreteAndBoxActions(agent: String) throws {
        try requireActionSupport(agent: agent, environmentID: "PointReach-v0", registry: registry)
        try requireActionSupport(agent: agent, environmentID: "CartPole-v1", registry: registry)
    }

    @Test func badOptionsAreTheEnvironmentsError() {
        #expect(throws: AgentError.self) {
            try requireActionSupport(agent: "ppo", environmentID: "FrozenLake-v1", registry: registry, options: ["is_slipery": false])
        }
    }
}
