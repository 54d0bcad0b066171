import Agents
import Testing

/// Trains PPO's default CartPole preset and checks the greedy policy headless.
@Test func trainedAgentBalancesThePole() throws {
    let run = try PPO(configuration: .cartPoleDefault, seed: 7)
        .train(environmentID: "CartPole-v1", registry: .standard)
    let score = try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 20)
    #expect(score.meanReturn >= 475)
}
