import Dojo
import Environments
import Testing

/// The README's library example, kept compiling and running here.
@Suite struct ReadmeExampleTests {
    @Test func steppingExamplePlaysOneEpisode() throws {
        var env = TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 500)
        var rng = SeededGenerator(seed: 42)
        var observation = try env.reset(seed: 42).observation
        var episodeReturn = 0.0
        while true {
            let step = env.step(env.actionSpace.sample(using: &rng))
            observation = step.observation
            episodeReturn += step.reward
            if step.terminated || step.truncated { break }
        }
        #expect(episodeReturn >= 8 && episodeReturn <= 500)
        #expect(CartPole.isTerminal(env.base.base.state) || env.elapsedSteps == 500)
        #expect(observation == SIMD4<Float>(env.base.base.state))
    }
}
