import Dojo
import Environments
import Testing

/// An environment restored from a saved state takes the same steps as the one that saved it:
/// the same observations, rewards and flags, through every wrapper the registry adds, and the
/// same random draws (slippery moves, resets).
@Suite struct EnvironmentStateTests {
    struct Transition: Equatable {
        let observation: String
        let reward: Double
        let terminated: Bool
        let truncated: Bool
    }

    /// Steps `environment` with `action(i)` for `count` steps, resetting at episode ends.
    static func run<E: Environment>(_ environment: inout E, count: Int, from start: Int, action: (Int) -> E.Action) throws -> [Transition] {
        var transitions: [Transition] = []
        for index in start..<start + count {
            let step = environment.step(action(index))
            transitions.append(Transition(observation: "\(step.observation)", reward: step.reward, terminated: step.terminated, truncated: step.truncated))
            if step.isDone { _ = try environment.reset(seed: nil) }
        }
        return transitions
    }

    /// Saves after 40 steps, records the next 300, and replays them on a differently seeded
    /// copy restored from the saved state.
    static func checkRestore<E: Environment>(_ make: () throws -> E, action: (Int) -> E.Action) throws {
        var original = try make()
        _ = try original.reset(seed: 3)
        _ = try run(&original, count: 40, from: 0, action: action)
        let saved = try #require(original.saveState())
        let expected = try run(&original, count: 300, from: 40, action: action)

        var restored = try make()
        _ = try restored.reset(seed: 99)
        _ = try run(&restored, count: 13, from: 0, action: action)
        try restored.restoreState(saved)
        #expect(try run(&restored, count: 300, from: 40, action: action) == expected)
    }

    @Test func cartPoleThroughItsRegistryWrappers() throws {
        try Self.checkRestore({ TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 50) }, action: { ($0 * 7 / 3) % 2 })
    }

    @Test func slipperyFrozenLakeKeepsItsDraws() throws {
        try Self.checkRestore({ TimeLimit(GridWorld(map: .frozenLake4x4), maxEpisodeSteps: 100) }, action: { ($0 * 5) % 4 })
    }

    @Test func memoryCorridorKeepsItsCue() throws {
        try Self.checkRestore({ MemoryCorridor(length: 4) }, action: { $0 % 3 == 0 ? 0 : 1 })
    }

    @Test func statefulWrappersKeepTheirStatistics() throws {
        try Self.checkRestore({ RecordEpisodeStatistics(NormalizeReward(NormalizeObservation(TimeLimit(CartPole(), maxEpisodeSteps: 30)))) }, action: { $0 % 2 })
        try Self.checkRestore({ FrameStack(TimeLimit(CartPole(), maxEpisodeSteps: 30), stackSize: 3) }, action: { ($0 / 2) % 2 })
    }

    @Test func anotherEnvironmentsStateIsRefused() throws {
        let cartPole = try #require(CartPole().saveState())
        var lake = GridWorld(map: .frozenLake4x4)
        #expect(throws: EnvironmentError.self) { try lake.restoreState(cartPole) }
        var limited = TimeLimit(CartPole(), maxEpisodeSteps: 10)
        #expect(throws: EnvironmentError.self) { try limited.restoreState(cartPole) }
    }
}

extension EnvironmentStateTests {
    /// Legal moves only: the lowest legal action after `index` (every TicTacToe position
    /// has one until the game ends, when the episode resets).
    @Test func ticTacToeKeepsTheOpponentsDraws() throws {
        try Self.checkRestoreWithMasks { TicTacToeEnvironment(opponent: .random) }
    }

    @Test func connectFourAgainstAlphaBetaAsSecondPlayer() throws {
        try Self.checkRestoreWithMasks { try ConnectFourEnvironment(options: ["opponent": "alphabeta", "depth": 1, "agent_side": "second"]) }
    }

    static func checkRestoreWithMasks<E: Environment>(_ make: () throws -> E) throws where E.Action == Int {
        var original = try make()
        _ = try original.reset(seed: 3)
        func play(_ environment: inout E, count: Int) throws -> [Transition] {
            var transitions: [Transition] = []
            for index in 0..<count {
                let mask = try #require(environment.legalActionMask)
                let legal = mask.indices.filter { mask[$0] }
                let step = environment.step(legal[index % legal.count])
                transitions.append(Transition(observation: "\(step.observation)", reward: step.reward, terminated: step.terminated, truncated: step.truncated))
                if step.isDone { _ = try environment.reset(seed: nil) }
            }
            return transitions
        }
        _ = try play(&original, count: 11)
        let saved = try #require(original.saveState())
        let expected = try play(&original, count: 120)
        var restored = try make()
        _ = try restored.reset(seed: 42)
        try restored.restoreState(saved)
        #expect(try play(&restored, count: 120) == expected)
    }
}
