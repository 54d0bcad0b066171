import Agents
import Dojo
import Environments
import Foundation
import NeuralCore
import TestSupport
import Testing

/// PPO on grid worlds seen as planes, through a CNN policy (optimised builds only).
@Suite(.enabled(if: isOptimizedBuild, "learning tests run in optimised builds: swift test -c release"))
struct PPOGridWorldTests {
    /// A walled 8x8 map whose many `S` cells make every episode start somewhere else.
    static let walledMap: JSONValue = [
        "S.S#S..S",
        ".S.#.S.S",
        "S..#S.#.",
        ".S...S#S",
        "####.###",
        "S.S..S.S",
        ".S.#S.H.",
        "S.S#S..G",
    ]

    static let options: Options = ["map": walledMap, "observation": "planes"]

    /// The grid-world preset's CNN (planes in, a 3x3 convolution, 80,000 steps) reaches the goal
    /// from random starts in at least 95% of 200 greedy episodes (100% on each of seeds 1-5
    /// when written, about 10 s each).
    @Test func cnnPolicyLearnsAWalledMapFromRandomStarts() throws {
        let configuration = try PPOConfiguration.preset(named: "default", environmentID: "GridWorld-v0")
        let run = try PPO(configuration: configuration, seed: 1).train(environmentID: "GridWorld-v0", registry: .standard, options: Self.options)
        #expect(run.policy.network.actor.layers.contains { $0 is Conv2D })
        let result = try evaluate(policy: run.policy, environmentID: "GridWorld-v0", registry: .standard, options: Self.options, episodes: 200, seed: 5)
        let success = try #require(result.successRate)
        #expect(success >= 0.95, "success \(success), mean length \(result.meanLength)")
    }
}
