import Dojo
import Environments
import Testing

@Suite("Board game environments")
struct BoardGameEnvironmentTests {
    private func plane(_ observation: [Float], _ plane: Int) -> [Float] {
        stride(from: plane, to: observation.count, by: 2).map { observation[$0] }
    }

    @Test func spacesAndMetadata() {
        let tictactoe = TicTacToeEnvironment()
        #expect(tictactoe.observationSpace.shape == [3, 3, 2])
        #expect(tictactoe.actionSpace == Discrete(9))
        let connectFour = ConnectFourEnvironment()
        #expect(connectFour.observationSpace.shape == [6, 7, 2])
        #expect(connectFour.actionSpace == Discrete(7))
        #expect(connectFour.metadata.renderModes == [.ansi, .rgb])
    }

    @Test func observationPlanesAreFromTheMoversSide() throws {
        var env = TicTacToeEnvironment(opponent: .none)
        let start = try env.reset(seed: 0)
        #expect(start.observation == [Float](repeating: 0, count: 18))
        #expect(start.info["current_player"] == "first")

        // X takes cell 5 (row 1, column 2); O to move sees it in plane 1.
        let afterX = env.step(5)
        #expect(plane(afterX.observation, 0) == [Float](repeating: 0, count: 9))
        #expect(plane(afterX.observation, 1) == [0, 0, 0, 0, 0, 1, 0, 0, 0])
        #expect(afterX.observation[(1 * 3 + 2) * 2 + 1] == 1)
        #expect(afterX.info["current_player"] == "second")

        // O takes cell 6; X to move sees its own piece in plane 0 and O's in plane 1.
        let afterO = env.step(6)
        #expect(plane(afterO.observation, 0) == [0, 0, 0, 0, 0, 1, 0, 0, 0])
        #expect(plane(afterO.observation, 1) == [0, 0, 0, 0, 0, 0, 1, 0, 0])
        #expect(afterO.info["current_player"] == "first")
    }

    @Test func connectFourObservationHasRowZeroAtTheTop() throws {
        var env = ConnectFourEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        let result = env.step(2)
        // O to move: X's piece at the bottom row (5), column 2, is the opponent's plane.
        #expect(result.observation[(5 * 7 + 2) * 2 + 1] == 1)
        #expect(result.observation.reduce(0, +) == 1)
    }

    @Test func noOpponentAlternatesPlayersAndRewardsTheMover() throws {
        var env = TicTacToeEnvironment(opponent: .none)
        _ = try env.reset(seed: 3)
        let moves = [0, 3, 1, 4]
        for (index, move) in moves.enumerated() {
            let result = env.step(move)
            #expect(result.reward == 0 && !result.terminated)
            #expect(result.info["current_player"] == (index % 2 == 0 ? "second" : "first"))
            #expect(result.info["agent_side"] == nil)
            #expect(result.info["opponent_action"] == nil)
        }
        let win = env.step(2)
        #expect(win.reward == 1 && win.terminated)
        #expect(win.info["winner"] == "first")
        #expect(win.info["outcome"] == "win")
        #expect(win.info["current_player"] == .null)
        // The last observation is the winner's: its line in plane 0.
        #expect(plane(win.observation, 0) == [1, 1, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func secondPlayerWinningWithNoOpponentGetsThePositiveReward() throws {
        var env = ConnectFourEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        for move in [6, 0, 6, 0, 5, 0, 5] { _ = env.step(move) }
        let win = env.step(0)
        #expect(win.reward == 1 && win.terminated)
        #expect(win.info["winner"] == "second")
    }

    @Test func occupiedCellLosesAndTerminates() throws {
        var env = TicTacToeEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        _ = env.step(4)
        let illegal = env.step(4)
        #expect(illegal.reward == -1)
        #expect(illegal.terminated && !illegal.truncated)
        #expect(illegal.info["illegal_move"] == true)
        #expect(illegal.info["illegal_player"] == "second")
        #expect(illegal.info["reason"] == "cell 4 is occupied")
        #expect(illegal.info["winner"] == "first")
        #expect(env.actionMask == [Bool](repeating: false, count: 9))
        #expect(env.game == TicTacToe(playing: [4]))
    }

    @Test func fullColumnLosesAgainstAnOpponent() throws {
        let lowest: BoardGamePolicy<ConnectFour> = { game, _ in game.legalActions[0] }
        var env = ConnectFourEnvironment(opponent: .policy(lowest))
        _ = try env.reset(seed: 0)
        // The agent and the policy fill column 0 together; the agent then plays into it again.
        for _ in 0..<3 {
            let result = env.step(0)
            #expect(result.info["opponent_action"] == 0)
        }
        let illegal = env.step(0)
        #expect(illegal.reward == -1 && illegal.terminated)
        #expect(illegal.info["reason"] == "column 0 is full")
        #expect(illegal.info["opponent_action"] == nil)
        #expect(illegal.info["winner"] == "second")
    }

    @Test func illegalOpponentMoveWinsForTheAgent() throws {
        let stubborn: BoardGamePolicy<TicTacToe> = { _, _ in 4 }
        var env = TicTacToeEnvironment(opponent: .policy(stubborn))
        _ = try env.reset(seed: 0)
        let result = env.step(4)
        #expect(result.reward == 1 && result.terminated)
        #expect(result.info["illegal_player"] == "second")
        #expect(result.info["agent_side"] == "first")
    }

    @Test func opponentWinningCostsTheAgent() throws {
        let lowest: BoardGamePolicy<TicTacToe> = { game, _ in game.legalActions[0] }
        var env = TicTacToeEnvironment(opponent: .policy(lowest))
        _ = try env.reset(seed: 0)
        _ = env.step(8)
        _ = env.step(7)
        // The policy has taken 0 and 1; the agent's 5 leaves it the top row.
        let loss = env.step(5)
        #expect(loss.info["opponent_action"] == 2)
        #expect(loss.reward == -1 && loss.terminated)
        #expect(loss.info["winner"] == "second")
        #expect(plane(loss.observation, 1) == [1, 1, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func fullBoardEndsInADrawWithNoReward() throws {
        var env = TicTacToeEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        for move in [0, 1, 2, 4, 3, 5, 7, 6] {
            #expect(!env.step(move).terminated)
        }
        let draw = env.step(8)
        #expect(draw.reward == 0 && draw.terminated)
        #expect(draw.info["outcome"] == "draw")
        #expect(draw.info["winner"] == .null)
        #expect(env.render(.ansi) == .text(" X  O  X \n X  O  O \n O  X [X]\ndraw"))
    }

    @Test func actionMaskMatchesInfoAndLegalMoves() throws {
        var env = TicTacToeEnvironment(opponent: .random)
        var agent = SeededGenerator(seed: 1)
        let start = try env.reset(seed: 9)
        #expect(start.info["action_mask"] == .array(Array(repeating: 1, count: 9)))
        var result = env.step(0)
        while !result.terminated {
            let mask = env.actionMask
            #expect(result.info["action_mask"] == .array(mask.map { $0 ? 1 : 0 }))
            #expect(mask == env.game.actionMask)
            // Every occupied cell is masked out.
            for cell in 0..<9 {
                let occupied = env.game.piece(row: cell / 3, column: cell % 3) != nil
                #expect(mask[cell] == !occupied)
            }
            result = env.step(env.actionSpace.sample(mask: mask, using: &agent))
        }
        #expect(result.info["action_mask"] == .array(Array(repeating: 0, count: 9)))
    }

    @Test func agentSecondLetsTheOpponentOpen() throws {
        var env = try ConnectFourEnvironment(options: ["agent_side": "second", "opponent": "alphabeta", "depth": 2])
        let start = try env.reset(seed: 4)
        #expect(start.info["agent_side"] == "second")
        #expect(start.info["current_player"] == "second")
        #expect(start.info["opponent_action"] == 3)
        #expect(plane(start.observation, 1).reduce(0, +) == 1)
        #expect(plane(start.observation, 0).reduce(0, +) == 0)
        let result = env.step(3)
        #expect(env.game.moveCount == 3)
        #expect(plane(result.observation, 0).reduce(0, +) == 1)
    }

    @Test func alternateSidesRestartAfterASeededReset() throws {
        var env = TicTacToeEnvironment(agentSide: .alternate)
        var sides: [JSONValue?] = []
        sides.append(try env.reset(seed: 1).info["agent_side"])
        sides.append(try env.reset().info["agent_side"])
        sides.append(try env.reset().info["agent_side"])
        sides.append(try env.reset(seed: 1).info["agent_side"])
        #expect(sides == ["first", "second", "first", "first"])
    }

    @Test func resetOptionsOverrideForOneEpisode() throws {
        var env = TicTacToeEnvironment()
        let none = try env.reset(seed: 0, options: ["opponent": "none"])
        #expect(none.info["agent_side"] == nil)
        #expect(env.agentPlayer == nil)
        let back = try env.reset()
        #expect(back.info["agent_side"] == "first")
    }

    @Test func perfectOpponentNeverLosesToRandomAgent() throws {
        var env = try TicTacToeEnvironment(options: ["opponent": "alphabeta", "agent_side": "alternate"])
        var agent = SeededGenerator(seed: 8)
        _ = try env.reset(seed: 8)
        for _ in 0..<60 {
            var result: Step<[Float]>
            repeat {
                result = env.step(env.actionSpace.sample(mask: env.actionMask, using: &agent))
            } while !result.terminated
            #expect(result.reward <= 0)
            _ = try env.reset()
        }
    }

    @Test(arguments: [
        (["opponent": "perfect"], "opponent"),
        (["opponent": 3], "opponent"),
        (["depth": 3], "depth"),
        (["opponent": "alphabeta", "depth": 0], "depth"),
        (["opponent": "alphabeta", "depth": 13], "depth"),
        (["opponent": "alphabeta", "move_time": 0], "move_time"),
        (["opponent": "alphabeta", "move_time": 1e9], "move_time"),
        (["opponent": "random", "move_time": 1], "move_time"),
        (["opponent": "tactical", "depth": 13], "depth"),
        (["opponent": "tactical", "move_time": 1], "move_time"),
        (["opponent": "alphabeta", "move_time": 1, "depth": 43], "depth"),
        (["agent_side": "middle"], "agent_side"),
        (["side": "first"], "side"),
    ] as [(Options, String)])
    func invalidOptionsNameTheOption(options: Options, name: String) {
        #expect {
            _ = try TicTacToeEnvironment(options: options)
        } throws: { error in
            guard case .invalidOption(let named, _)? = error as? EnvironmentError else { return false }
            return named == name
        }
        var env = ConnectFourEnvironment()
        #expect(throws: EnvironmentError.self) { _ = try env.reset(seed: 0, options: options) }
    }

    /// `"tactical"` names the two-ply, heuristic-free search, as an option and as a player name;
    /// `depth` or `"tactical:D"` sets its plies.
    @Test func tacticalOpponentIsTheHeuristicFreeSearch() throws {
        let environment = try ConnectFourEnvironment(options: ["opponent": "tactical"])
        guard case .tactical(let search) = environment.opponent else { Issue.record("expected the tactical opponent"); return }
        #expect(search == .tactical && search.depth == 2 && !search.usesHeuristic)
        guard case .tactical(let named) = try ConnectFourEnvironment.opponent(named: "tactical") else { Issue.record("expected the tactical opponent"); return }
        #expect(named == .tactical)
        #expect(try ConnectFourEnvironment.opponentOptions("tactical") == ["opponent": "tactical"])
        #expect(try ConnectFourEnvironment.opponentOptions("tactical:3") == ["opponent": "tactical", "depth": 3])
        guard case .tactical(let deeper) = try ConnectFourEnvironment.opponent(named: "tactical:3") else { Issue.record("expected the tactical opponent"); return }
        #expect(deeper == .tactical(depth: 3) && !deeper.usesHeuristic)
        let optioned = try ConnectFourEnvironment(options: ["opponent": "tactical", "depth": 4])
        guard case .tactical(let four) = optioned.opponent else { Issue.record("expected the tactical opponent"); return }
        #expect(four.depth == 4)
        #expect(throws: EnvironmentError.self) { try ConnectFourEnvironment.opponentOptions("tactical:0") }
        #expect(throws: EnvironmentError.self) { try ConnectFourEnvironment.opponentOptions("tactical:x") }
    }

    /// Fixed depths stop at the game's documented maximum; `move_time` lifts it to the board's cells.
    @Test func searchDepthsHaveADocumentedRange() throws {
        let deepest = try ConnectFourEnvironment(options: ["opponent": "alphabeta", "depth": 12])
        guard case .alphaBeta(let search) = deepest.opponent else { Issue.record("expected alpha-beta"); return }
        #expect(search.depth == ConnectFour.maximumSearchDepth && search.moveTime == nil)
        #expect(throws: EnvironmentError.self) { try ConnectFourEnvironment(options: ["opponent": "alphabeta", "depth": 100]) }
        let timed = try ConnectFourEnvironment(options: ["opponent": "alphabeta", "move_time": 0.5])
        guard case .alphaBeta(let deepening) = timed.opponent else { Issue.record("expected alpha-beta"); return }
        #expect(deepening.depth == 42 && deepening.moveTime == .milliseconds(500))
        _ = try ConnectFourEnvironment(options: ["opponent": "alphabeta", "move_time": 0.5, "depth": 30])
    }

    @Test func textRenderingMarksTheLastMove() throws {
        var env = TicTacToeEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        _ = env.step(0)
        _ = env.step(4)
        #expect(env.render(.ansi) == .text(" X  .  . \n . [O] . \n .  .  . \nX to move"))
    }
}
