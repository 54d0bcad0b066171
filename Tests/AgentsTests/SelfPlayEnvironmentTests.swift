import Agents
import Dojo
import Environments
import Foundation
import Testing

/// A scripted player: the lowest legal action of each observation's mask.
private struct LowestLegal: Policy {
    let actionCount = 9

    func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?, deterministic: Bool,
        into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator
    ) {
        for row in 0..<count { actions[row] = (0..<actionCount).first { masks?[row * actionCount + $0] ?? true } ?? 0 }
    }
}

@Suite("Self-play environment")
struct SelfPlayEnvironmentTests {
    private func selfOnly() throws -> OpponentPool {
        var settings = SelfPlaySettings()
        settings.opponents = [SelfPlaySettings.selfName: 1]
        let pool = try OpponentPool(settings: settings)
        pool.add(LowestLegal())
        return pool
    }

    /// The learner as X plays 4, 8, 5; the snapshot (lowest legal cell) answers 0, 1 and then
    /// wins with 2 on the top row: the learner's transitions see the board from X's side, get
    /// 0, 0 and then -1 with the terminal flag, and the last observation is still X's view.
    @Test func learnerGetsTheOpponentsWinAsItsLoss() throws {
        var env = try SelfPlayEnvironment(TicTacToeEnvironment(), pool: selfOnly())
        let start = try env.reset(seed: 1)
        #expect(env.learner == .first && env.opponentName == "self")
        #expect(start.observation == TicTacToe().planes(for: .first))
        let first = env.step(4)
        #expect(first.reward == 0 && !first.terminated)
        #expect(first.observation == TicTacToe(playing: [4, 0]).planes(for: .first))
        #expect(first.info["opponent_action"] == 0)
        let second = env.step(8)
        #expect(second.observation == TicTacToe(playing: [4, 0, 8, 1]).planes(for: .first))
        let last = env.step(5)
        #expect(last.reward == -1 && last.terminated && !last.truncated)
        #expect(last.observation == TicTacToe(playing: [4, 0, 8, 1, 5, 2]).planes(for: .first))
        #expect(!env.isSuccess && env.reportsSuccess)
    }

    /// In the next episode the learner is O: the snapshot opens at 0, and the learner's own
    /// winning move ends the game with +1 for it, seen from O's side.
    @Test func learnerAsSecondPlayerWinsWithItsOwnMove() throws {
        var env = try SelfPlayEnvironment(TicTacToeEnvironment(), pool: selfOnly())
        _ = try env.reset(seed: 1)
        while !env.step(env.base.game.legalActions.last!).terminated {}
        let start = try env.reset()
        #expect(env.learner == .second)
        #expect(start.observation == TicTacToe(playing: [0]).planes(for: .second))
        #expect(env.step(4).observation == TicTacToe(playing: [0, 4, 1]).planes(for: .second))
        #expect(env.step(2).reward == 0)
        let win = env.step(6)
        #expect(win.reward == 1 && win.terminated)
        #expect(win.observation == TicTacToe(playing: [0, 4, 1, 2, 3, 6]).planes(for: .second))
        #expect(env.isSuccess)
    }

    @Test func builtInOpponentsPlayThroughTheEnvironment() throws {
        var settings = SelfPlaySettings()
        settings.opponents = ["alphabeta:9": 1]
        var env = try SelfPlayEnvironment(TicTacToeEnvironment(), pool: OpponentPool(settings: settings))
        _ = try env.reset(seed: 3)
        #expect(env.opponentName == "alphabeta:9" && env.base.agentPlayer == .first)
        var done = false
        var reward = 0.0
        while !done {
            let step = env.step(env.base.game.legalActions[0])
            (done, reward) = (step.terminated, step.reward)
        }
        #expect(reward <= 0)
        _ = try env.reset()
        #expect(env.base.agentPlayer == .second && env.base.game.moveCount == 1)
    }

    @Test func theMixFollowsItsShares() throws {
        var settings = SelfPlaySettings()
        settings.opponents = ["random": 3, SelfPlaySettings.selfName: 1]
        let pool = try OpponentPool(settings: settings)
        var generator = SeededGenerator(seed: 4)
        let draws = (0..<4_000).map { _ in pool.drawOpponent(using: &generator) }
        let randomShare = Double(draws.filter { $0 == "random" }.count) / 4_000
        #expect(abs(randomShare - 0.75) < 0.03)
    }

    /// By default the learner alternates sides from the first episode after a seeded reset; a
    /// `second_side_share` of 2/3 gives it the second side in exactly two of every three.
    @Test func theLearnerPlaysSecondInItsShareOfEpisodes() throws {
        func sides(share: Double?, episodes: Int = 12) throws -> [Player] {
            var settings = SelfPlaySettings()
            settings.opponents = ["random": 1]
            if let share { settings.secondSideShare = share }
            var env = try SelfPlayEnvironment(TicTacToeEnvironment(), pool: OpponentPool(settings: settings))
            return try (0..<episodes).map { episode in
                _ = try env.reset(seed: episode == 0 ? 7 : nil)
                #expect(env.base.agentPlayer == env.learner)
                return env.learner
            }
        }
        #expect(try sides(share: nil) == (0..<12).map { $0 % 2 == 0 ? .first : .second })
        let twoThirds = try sides(share: 2.0 / 3.0)
        #expect(twoThirds.filter { $0 == .second }.count == 8)
        #expect((0..<4).allSatisfy { group in twoThirds[3 * group..<3 * group + 3].filter { $0 == .second }.count == 2 })
        #expect(try sides(share: 1).allSatisfy { $0 == .second })
        let decoded = try JSONDecoder().decode(SelfPlaySettings.self, from: Data(#"{"second_side_share": 0.75}"#.utf8))
        #expect(decoded.secondSideShare == 0.75 && decoded.opponents == SelfPlaySettings().opponents)
        var settings = SelfPlaySettings()
        settings.secondSideShare = 1.5
        #expect(throws: AgentError.self) { try OpponentPool(settings: settings) }
    }

    @Test func invalidMixesAreRefusedByName() throws {
        var settings = SelfPlaySettings()
        settings.opponents = ["minimax": 1]
        #expect(throws: EnvironmentError.self) { try SelfPlayEnvironment(TicTacToeEnvironment(), pool: OpponentPool(settings: settings)) }
        settings.opponents = ["random": 0]
        #expect(throws: AgentError.self) { try OpponentPool(settings: settings) }
        var configuration = PPOConfiguration()
        configuration.selfPlay = SelfPlaySettings()
        #expect(throws: AgentError.self) { try PPO(configuration: configuration).train(environmentID: "CartPole-v1", registry: .standard) }
    }

    @Test func poolKeepsTheNewestSnapshots() throws {
        var settings = SelfPlaySettings()
        settings.poolSize = 2
        let pool = try OpponentPool(settings: settings)
        for _ in 0..<5 { pool.add(LowestLegal()) }
        #expect(pool.snapshotCount == 2)
    }

    /// Masked DQN self-plays through the same wrapper: training adds a snapshot to the pool
    /// every `snapshot_interval` steps, and the snapshots then play the other side.
    @Test func dqnFeedsThePoolItPlaysAgainst() throws {
        var settings = SelfPlaySettings()
        settings.opponents = [SelfPlaySettings.selfName: 1]
        settings.snapshotInterval = 1_000
        let pool = try OpponentPool(settings: settings)
        var configuration = DQNConfiguration()
        configuration.totalTimesteps = 3_000
        configuration.learningStarts = 500
        configuration.selfPlay = settings
        let environment = try SelfPlayEnvironment(TicTacToeEnvironment(opponent: .none), pool: pool)
        let result = try DQN(configuration: configuration, seed: 2).train(on: environment, environmentID: "TicTacToe-v0", opponentPool: pool)
        #expect(pool.snapshotCount == 3)
        #expect(result.timesteps == 3_000)
    }
}
