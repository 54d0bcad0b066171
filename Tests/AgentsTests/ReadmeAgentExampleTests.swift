import Agents
import Dojo
import Environments
import TestSupport
import Testing

/// The README's agent example, kept compiling and running here.
@Suite(.enabled(if: isOptimizedBuild, "trains a network: runs in optimised builds (swift test -c release)"))
struct ReadmeAgentExampleTests {
    @Test func dqnExampleTrainsAndEvaluates() throws {
        let run = try DQN(configuration: .cartPoleDefault, seed: 1)
            .train(environmentID: "CartPole-v1", registry: .standard)
        let score = try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 100)
        #expect(score.meanReturn >= 475 && score.standardDeviationOfReturn >= 0 && score.meanLength == score.meanReturn)
    }
}
