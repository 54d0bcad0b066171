import Dojo
import Environments
import Testing

/// The transition model must be Gymnasium's `P`, entry for entry and in the same order.
@Suite struct GridWorldModelTests {
    @Test(arguments: [("FrozenLake-v1", "frozenlake4x4_model.txt"), ("FrozenLake8x8-v1", "frozenlake8x8_model.txt")])
    func transitionModelEqualsGymnasiumLineByLine(id: String, fixture: String) throws {
        let reference = ReferenceModel(text: try gridWorldFixture(fixture))
        let environment = try EnvironmentRegistry.standard.make(id: id).unwrapped
        let tabular = try #require(environment as? any TabularEnvironment)
        let world = try #require(environment as? GridWorld<IndexEncoding>)
        #expect(world.map.text.split(separator: "\n").map(String.init) == reference.mapRows)
        #expect(reference.order.count == tabular.stateCount * 4)
        var expectedOrder: [[Int]] = []
        for state in 0..<tabular.stateCount {
            for action in 0..<tabular.actionCount {
                expectedOrder.append([state, action])
                #expect(tabular.transitions(state: state, action: action) == reference.transitions[[state, action]], "state \(state) action \(action)")
            }
        }
        #expect(reference.order == expectedOrder)
    }

    @Test func successRateAndNonSlipperyModels() throws {
        let custom = GridWorld(map: .frozenLake4x4, rules: GridRules(successRate: 0.75))
        #expect(custom.transitions(state: 0, action: 3).map(\.probability) == [0.125, 0.75, 0.125])
        #expect(custom.transitions(state: 0, action: 3).map(\.nextState) == [1, 0, 0])
        let plain = GridWorld(map: .frozenLake4x4, rules: GridRules(isSlippery: false))
        #expect(plain.transitions(state: 14, action: 2) == [Transition(probability: 1, nextState: 15, reward: 1, terminated: true)])
        #expect(plain.transitions(state: 1, action: 1) == [Transition(probability: 1, nextState: 5, reward: 0, terminated: true)])
        #expect(plain.transitions(state: 5, action: 0) == [Transition(probability: 1, nextState: 5, reward: 0, terminated: true)])
    }

    @Test func rewardScheduleAndStepRewardReachTheModel() throws {
        let scheduled = try #require(try EnvironmentRegistry.standard.make(
            id: "FrozenLake-v1", options: ["reward_schedule": [10, -5, -1], "is_slippery": false]).unwrapped as? GridWorld<IndexEncoding>)
        #expect(scheduled.transitions(state: 14, action: 2).map(\.reward) == [10])
        #expect(scheduled.transitions(state: 1, action: 1).map(\.reward) == [-5])
        #expect(scheduled.transitions(state: 0, action: 2).map(\.reward) == [-1])
        #expect(scheduled.transitions(state: 0, action: 0).map(\.reward) == [-1])
        let maze = try #require(try EnvironmentRegistry.standard.make(id: "GridWorldMaze-v0").unwrapped as? GridWorld<IndexEncoding>)
        #expect(maze.rules.stepReward == -0.01)
        #expect(maze.transitions(state: 2, action: 2) == [Transition(probability: 1, nextState: 2, reward: -0.01, terminated: false)])
    }

    @Test func samplingFollowsTheModelsProbabilities() throws {
        var world = GridWorld(map: .frozenLake8x8, rules: GridRules(successRate: 0.5))
        var counts: [Int: Int] = [:]
        let draws = 40_000
        _ = try world.reset(seed: 3)
        for _ in 0..<draws {
            _ = try world.reset()
            counts[world.step(1).observation, default: 0] += 1
        }
        // Action down from the corner: left (stays, 1/4), down (to 8, 1/2), right (to 1, 1/4).
        #expect(Set(counts.keys) == [0, 1, 8])
        for (cell, probability) in [(0, 0.25), (8, 0.5), (1, 0.25)] {
            let frequency = Double(counts[cell, default: 0]) / Double(draws)
            #expect(abs(frequency - probability) < 0.01, "cell \(cell): \(frequency)")
        }
    }
}
