import Dojo
import Environments
import Foundation
import Rendering
import Testing

/// `dojo play --window` played with real mouse clicks: the built `dojo` opens its SDL window on
/// the X server (Xvfb in CI's SDL step), `xdotool` clicks board cells in it, and the result the
/// command prints is the one the same moves give when played directly on the environment. The
/// games run one at a time, so that no window covers another's cells; CI gives them an X server
/// of their own, away from the viewer's screen captures.
@Suite(.serialized) struct PlayWindowTests {
    /// Whether an X server and `xdotool` are at hand; CI's SDL step sets `DOJO_REQUIRE_X11=1`,
    /// so there a missing tool fails the test instead of skipping it.
    static let shouldRun: Bool = ProcessInfo.processInfo.environment["DOJO_REQUIRE_X11"] == "1"
        || (ProcessInfo.processInfo.environment["DISPLAY"] != nil && FileManager.default.isExecutableFile(atPath: WindowClicker.xdotool))

    /// Columns clicked as the person, first to move: column 3 until it fills, then 2, then 4;
    /// clicks on a full column and after the end are ignored, as a person's would be.
    @Test(.enabled(if: shouldRun, "needs an X server and xdotool; CI runs it under xvfb-run with DOJO_REQUIRE_X11=1"))
    func clickedColumnsPlayConnectFourAgainstRandom() throws {
        let clicks = Array(repeating: 3, count: 6) + Array(repeating: 2, count: 6) + Array(repeating: 4, count: 6)
        try expectWindowGame(
            ConnectFourEnvironment.self, arguments: ["--env", "ConnectFour-v0", "--opponent", "random", "--seed", "5"],
            options: ["opponent": "random", "agent_side": "first"], seed: 5, clicks: clicks)
    }

    /// Every cell in order, as the second player, against perfect play.
    @Test(.enabled(if: shouldRun, "needs an X server and xdotool; CI runs it under xvfb-run with DOJO_REQUIRE_X11=1"))
    func clickedCellsPlayTicTacToeSecondAgainstAlphaBeta() throws {
        try expectWindowGame(
            TicTacToeEnvironment.self, arguments: ["--env", "TicTacToe-v0", "--opponent", "alphabeta:9", "--first", "opponent"],
            options: ["opponent": "alphabeta", "depth": 9, "agent_side": "second"], seed: 0, clicks: Array(0..<9))
    }

    /// Plays `clicks` (actions) in `dojo play --window` and on the environment made with
    /// `options`, and expects the same announced result, or, from a build without the SDL
    /// trait, the refusal that says how to get a window.
    private func expectWindowGame<Game: BoardGame>(
        _: BoardGameEnvironment<Game>.Type, arguments: [String], options: Options, seed: UInt64, clicks: [Int]
    ) throws {
        var environment = try BoardGameEnvironment<Game>(options: options)
        let expected = try Self.resultLine(playing: clicks, on: &environment, seed: seed)
        let pixels = clicks.map { Self.centre(of: $0, in: environment.picture, game: Game.self) }
        let output = try WindowClicker.run(["play"] + arguments + ["--window"], title: "dojo play \(arguments[1])", clicks: pixels)
        if output.stderr.contains("built without the SDL window") {
            #expect(output.status != 0 && output.stderr.contains("--traits SDL"), "\(output.stderr)")
            return
        }
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains(expected), "expected \(expected.debugDescription), got \(output.stdout.debugDescription)")
    }

    /// The line `dojo play` announces after the legal moves among `actions`, in order.
    private static func resultLine<Game: BoardGame>(
        playing actions: [Int], on environment: inout BoardGameEnvironment<Game>, seed: UInt64
    ) throws -> String {
        _ = try environment.reset(seed: seed)
        var reward = 0.0
        for action in actions where environment.outcome == .ongoing && environment.actionMask[action] {
            reward = environment.step(action).reward
        }
        #expect(environment.outcome != .ongoing, "the clicks should finish the game")
        return reward > 0 ? "Result: you win!" : reward < 0 ? "Result: you lose." : "Result: draw."
    }

    /// The middle of the pixels of `picture` that the window reads as `action`.
    private static func centre<Game: BoardGame>(of action: Int, in picture: Frame, game: Game.Type) -> (x: Int, y: Int) {
        var (left, top, right, bottom) = (Int.max, Int.max, Int.min, Int.min)
        for y in 0..<picture.height {
            for x in 0..<picture.width where BoardGameEnvironment<Game>.action(atPixel: x, y: y) == action {
                (left, top, right, bottom) = (min(left, x), min(top, y), max(right, x), max(bottom, y))
            }
        }
        return ((left + right) / 2, (top + bottom) / 2)
    }
}
