import Agents
import ArgumentParser
import Dojo
import Environments

#if SDL
import Rendering
import SDLViewer

extension PlayCommand {
    /// Plays one game in an SDL window: the person clicks a cell (TicTacToe) or a column
    /// (ConnectFour); the final board stays up for three seconds, and the result is printed.
    func playInWindow<Game: BoardGame>(_ environment: BoardGameEnvironment<Game>, network: PolicyPlayer<Game>?) throws {
        try playInWindow(BoardGameScene(environment, network: network, opponentName: opponent, seed: seed))
    }

    private func playInWindow<Game: BoardGame>(_ scene: BoardGameScene<Game>) throws {
        let first = scene.restart()
        let window = try SDLWindow(title: "dojo play \(env)", width: first.width, height: first.height)
        let playback = Playback(display: window, framesPerSecond: 10)
        playback.holdTicks = 30
        playback.run(scene)
        writeToTerminal(scene.resultLine, newline: true)
    }
}

/// A board game against the built-in opponent, played by mouse.
final class BoardGameScene<Game: BoardGame>: ViewerScene {
    private var environment: BoardGameEnvironment<Game>
    private let network: PolicyPlayer<Game>?
    private let opponentName: String
    private let seed: UInt64
    private var lastReward = 0.0

    init(_ environment: BoardGameEnvironment<Game>, network: PolicyPlayer<Game>?, opponentName: String, seed: UInt64) {
        self.environment = environment
        self.network = network
        self.opponentName = opponentName
        self.seed = seed
    }

    func restart() -> Frame {
        _ = try? environment.reset(seed: seed)
        lastReward = 0
        return environment.picture
    }

    /// The person moves by clicking; nothing happens between clicks.
    func advance() -> Frame? { nil }

    func click(x: Int, y: Int) -> Frame? {
        guard !isEpisodeOver, let action = BoardGameEnvironment<Game>.action(atPixel: x, y: y),
              environment.actionMask[action]
        else { return nil }
        lastReward = environment.step(action).reward
        return environment.picture
    }

    var isEpisodeOver: Bool { environment.outcome != .ongoing }
    var isFinished: Bool { isEpisodeOver }

    var caption: String {
        let side = environment.agentPlayer ?? .first
        let estimate = network?.lastValueEstimate.map { ", its value estimate \(PlayCommand.signed($0))" } ?? ""
        return isEpisodeOver ? resultLine : "you are \(side.mark), \(opponentName) is \(side.opponent.mark)\(estimate): click to move"
    }

    /// The result as `dojo play` announces it.
    var resultLine: String {
        guard isEpisodeOver else { return "Result: game not finished." }
        return lastReward > 0 ? "Result: you win!" : lastReward < 0 ? "Result: you lose." : "Result: draw."
    }
}
#else
extension PlayCommand {
    /// Without the SDL trait there is no window: say how to get one, and how to play without it.
    func playInWindow<Game: BoardGame>(_ environment: BoardGameEnvironment<Game>, network: PolicyPlayer<Game>?) throws {
        throw CommandError(
            "this dojo was built without the SDL window; rebuild with `swift build --traits SDL` "
                + "(needs libsdl2-dev), or play in the terminal without --window")
    }
}
#endif
