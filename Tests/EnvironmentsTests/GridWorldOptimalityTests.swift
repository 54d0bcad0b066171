import Dojo
import Environments
import TestSupport
import Testing

/// Value iteration on the model gives the optimal success probability within the time limit;
/// running that optimal policy through the environment itself must achieve it.
@Suite struct GridWorldOptimalityTests {
    /// (id, horizon = the id's step limit, reference value from Gymnasium's model, episodes).
    static let cases: [(String, Int, Double, Int)] = [
        ("FrozenLake-v1", 100, 0.7442, 50_000),
        ("FrozenLake8x8-v1", 200, 0.9132, 25_000),
    ]

    @Test(arguments: cases)
    func valueIterationAndMonteCarloAgree(id: String, horizon: Int, reference: Double, episodes: Int) throws {
        let made = try EnvironmentRegistry.standard.make(id: id)
        let tabular = try #require(made.unwrapped as? GridWorld<IndexEncoding>)
        #expect(try EnvironmentRegistry.standard.spec(id).maxEpisodeSteps == horizon)
        let plan = FiniteHorizonPlan(tabular, horizon: horizon)
        let optimal = plan.values[horizon][0]
        #expect(abs(optimal - reference) < 5e-5, "value iteration gave \(optimal)")

        var environment = try makeIndexEnvironment(id)
        let estimate = try successRate(of: plan, horizon: horizon, in: &environment, episodes: episodes, seed: 2024)
        // Four standard errors of a binomial proportion: a false failure about once in 16,000 runs.
        let tolerance = 4 * (reference * (1 - reference) / Double(episodes)).squareRoot()
        #expect(abs(estimate - optimal) < tolerance, "Monte Carlo \(estimate) vs value iteration \(optimal) ± \(tolerance)")
    }

    /// The fraction of `episodes` that reach the goal following the plan's non-stationary
    /// policy (action for the steps left), each episode cut by the environment's own time limit.
    private func successRate<E: Environment>(
        of plan: FiniteHorizonPlan, horizon: Int, in environment: inout E, episodes: Int, seed: UInt64
    ) throws -> Double where E.Observation == Int, E.Action == Int {
        var successes = 0
        _ = try environment.reset(seed: seed)
        for _ in 0..<episodes {
            var observation = try environment.reset().observation
            var stepsTaken = 0
            while true {
                let result = environment.step(plan.actions[horizon - stepsTaken][observation])
                stepsTaken += 1
                if result.isDone {
                    if result.terminated && result.reward == 1 { successes += 1 }
                    break
                }
                observation = result.observation
            }
            #expect(stepsTaken <= horizon)
        }
        return Double(successes) / Double(episodes)
    }
}
