import Agents
import Dojo
import Environments
import Testing

/// Headless evaluation: returns, lengths, the success rate, masks, and seeding.
@Suite struct EvaluationTests {
    /// Always the same action index, legal or not.
    struct ConstantPolicy: Policy {
        let actionCount: Int
        let index: Int
        func chooseActions(
            observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?,
            deterministic: Bool, into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator
        ) {
            for row in 0..<count { actions[row] = index }
        }
    }

    @Test func statisticsAreThoseOfTheEpisodesPlayed() throws {
        // Pushing left every step ends CartPole in a few steps; each step pays 1.
        let result = try evaluate(policy: ConstantPolicy(actionCount: 2, index: 0), environment: CartPole(), episodes: 20, seed: 3)
        #expect(result.episodes == 20)
        #expect(result.returns == result.lengths.map(Double.init))
        let mean = result.returns.reduce(0, +) / 20
        #expect(result.meanReturn == mean)
        let variance = result.returns.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20
        #expect(abs(result.standardDeviationOfReturn - variance.squareRoot()) < 1e-12)
        #expect(result.meanLength == mean)
        #expect(result.successRate == nil)
        // The same seed replays the same episodes; another seed starts elsewhere.
        #expect(try evaluate(policy: ConstantPolicy(actionCount: 2, index: 0), environment: CartPole(), episodes: 20, seed: 3) == result)
        #expect(try evaluate(policy: ConstantPolicy(actionCount: 2, index: 0), environment: CartPole(), episodes: 20, seed: 4) != result)
    }

    @Test func successRateCountsGoalsReached() throws {
        // Right, right, down, down, down, right reaches the goal of the non-slippery 4x4 map.
        struct Route: Policy {
            let actionCount = 4
            func chooseActions(
                observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?,
                deterministic: Bool, into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator
            ) {
                let state = observations.firstIndex(of: 1)!
                actions[0] = [0: 2, 1: 2, 2: 1, 6: 1, 10: 1, 14: 2][state] ?? 0
            }
        }
        let result = try evaluate(
            policy: Route(), environmentID: "FrozenLake-v1", registry: .standard, options: ["is_slippery": false], episodes: 5)
        #expect(result.successRate == 1 && result.lengths == Array(repeating: 6, count: 5))
        // Walking left forever never succeeds and is cut by the 100-step limit.
        let stuck = try evaluate(
            policy: ConstantPolicy(actionCount: 4, index: 0), environmentID: "FrozenLake-v1", registry: .standard,
            options: ["is_slippery": false], episodes: 2)
        #expect(stuck.successRate == 0 && stuck.lengths == [100, 100])
    }

    @Test func illegalActionsAreCountedAndRandomPolicyMakesNone() throws {
        let careless = try evaluate(
            policy: ConstantPolicy(actionCount: 9, index: 4), environmentID: "TicTacToe-v0", registry: .standard, episodes: 10)
        // The centre is legal on the first move; the second move repeats it and loses.
        #expect(careless.illegalActions == 10 && careless.returns == Array(repeating: -1, count: 10))
        let random = try evaluate(
            policy: RandomPolicy(actionCount: 9), environmentID: "TicTacToe-v0", registry: .standard, episodes: 200, seed: 1)
        #expect(random.illegalActions == 0 && random.successRate != nil)
        // Random play wins often against a random opponent, but far from always.
        #expect((0.4...0.8).contains(random.successRate!))
    }

    @Test func mismatchedOrContinuousActionSpacesAreRefused() {
        #expect(throws: AgentError.self) {
            try evaluate(policy: RandomPolicy(actionCount: 3), environment: CartPole())
        }
    }
}
