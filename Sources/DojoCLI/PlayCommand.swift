import ArgumentParser
import Dojo
import Environments
import Foundation

/// `dojo play`: a person plays a board game against a built-in opponent, in the terminal (or,
/// with the SDL trait and `--window`, by clicking).
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play TicTacToe or ConnectFour against a built-in opponent.",
        discussion: """
            In the terminal, type a cell number (TicTacToe, 0-8 row by row) or a column number \
            (ConnectFour, 0-6) and press Return; an illegal or malformed move is asked again. \
            Type q to give up. The board is redrawn after every move and the result announced.

            Examples:
              dojo play --env TicTacToe-v0 --opponent alphabeta:9
              dojo play --env ConnectFour-v0 --opponent random --first opponent
            """
    )

    @Option(help: "TicTacToe-v0 or ConnectFour-v0.")
    var env = "TicTacToe-v0"

    @Option(help: "Options for making the game, as a JSON object (e.g. '{\"observation\": \"planes\"}'); --opponent, --move-time and --first win over them.")
    var options: String?

    @Option(help: "random, or alphabeta:D for alpha-beta search to depth D, from 1 to 9 for TicTacToe and 1 to 12 for ConnectFour (alphabeta alone: the game's default depth).")
    var opponent = "alphabeta"

    @Option(name: .customLong("move-time"), help: "Seconds the alpha-beta opponent may think per move: it deepens its search until the time is up (D, if given, caps the depth).")
    var moveTime: Double?

    @Option(help: "Who moves first: human or opponent.")
    var first = "human"

    @Option(help: "Seed for the opponent's choices.")
    var seed: UInt64 = 0

    @Flag(help: "Play in an SDL window by clicking (needs the SDL trait).")
    var window = false

    func validate() throws {
        guard ["TicTacToe-v0", "ConnectFour-v0"].contains(env) else {
            throw ValidationError("--env: expected TicTacToe-v0 or ConnectFour-v0, got \(env)")
        }
        guard ["human", "opponent"].contains(first) else {
            throw ValidationError("--first: expected human or opponent, got \(first)")
        }
        _ = try opponentOptions()
        _ = try parseOptions(options, flag: "--options")
    }

    func run() throws {
        var options = try parseOptions(self.options, flag: "--options").merging(opponentOptions()) { _, flag in flag }
        options["agent_side"] = first == "human" ? "first" : "second"
        if window {
            try playInWindow(options: options)
            return
        }
        if env == "TicTacToe-v0" {
            var game = try TicTacToeEnvironment(options: options)
            try playInTerminal(&game, hint: "cell 0-8, row by row")
        } else {
            var game = try ConnectFourEnvironment(options: options)
            try playInTerminal(&game, hint: "column 0-6")
        }
    }

    /// The environment options for `--opponent` and `--move-time`.
    func opponentOptions() throws -> Options {
        if opponent == "random" {
            guard moveTime == nil else { throw ValidationError("--move-time: expected only with an alphabeta opponent, got --opponent random") }
            return ["opponent": "random"]
        }
        var options: Options = ["opponent": "alphabeta"]
        if let moveTime {
            guard moveTime > 0, moveTime <= 3600 else {
                throw ValidationError("--move-time: expected seconds above 0 and at most 3600, got \(moveTime)")
            }
            options["move_time"] = .number(moveTime)
        }
        guard opponent != "alphabeta" else { return options }
        let maximum = moveTime == nil ? maximumDepth : cellCount
        let parts = opponent.split(separator: ":")
        guard parts.count == 2, parts[0] == "alphabeta", let depth = Int(parts[1]), (1...maximum).contains(depth) else {
            throw ValidationError("--opponent: expected random, alphabeta or alphabeta:D with D from 1 to \(maximum) for \(env)\(moveTime == nil ? " (deeper with --move-time)" : ""), got \(opponent)")
        }
        options["depth"] = .number(Double(depth))
        return options
    }

    /// The deepest fixed-depth search `env` allows.
    private var maximumDepth: Int { env == "TicTacToe-v0" ? TicTacToe.maximumSearchDepth : ConnectFour.maximumSearchDepth }

    /// The number of cells of `env`'s board, the deepest any search can go.
    private var cellCount: Int { env == "TicTacToe-v0" ? TicTacToe.rows * TicTacToe.columns : ConnectFour.rows * ConnectFour.columns }

    private func playInTerminal<Game: BoardGame>(_ environment: inout BoardGameEnvironment<Game>, hint: String) throws {
        _ = try environment.reset(seed: seed)
        let human = environment.agentPlayer ?? .first
        writeToTerminal("You are \(human.mark). Moves: \(hint). Type q to give up.\n", newline: true)
        writeToTerminal(environment.textRendering, newline: true)
        while environment.outcome == .ongoing {
            guard let action = askMove(environment, hint: hint) else {
                writeToTerminal("\nYou gave up.", newline: true)
                return
            }
            let result = environment.step(action)
            if let reply = result.info["opponent_action"]?.intValue {
                writeToTerminal("\nOpponent plays \(reply).", newline: true)
            }
            writeToTerminal(environment.textRendering, newline: true)
            if result.isDone {
                writeToTerminal(result.reward > 0 ? "Result: you win!" : result.reward < 0 ? "Result: you lose." : "Result: draw.", newline: true)
            }
        }
    }

    /// Reads moves until one is legal; `nil` at end of input or on `q`.
    private func askMove<Game: BoardGame>(_ environment: BoardGameEnvironment<Game>, hint: String) -> Int? {
        while true {
            writeToTerminal("Your move (\(hint)): ")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else { return nil }
            if line == "q" { return nil }
            guard let action = Int(line), environment.actionSpace.contains(action) else {
                writeToTerminal("Not a move: \(line.debugDescription); expected \(hint).", newline: true)
                continue
            }
            guard environment.actionMask[action] else {
                writeToTerminal("Illegal move \(action): \(Game.rows == 3 ? "that cell is taken" : "that column is full"). Try again.", newline: true)
                continue
            }
            return action
        }
    }
}

/// Writes `text` to standard output at once, unbuffered, so prompts appear before input is read.
func writeToTerminal(_ text: String, newline: Bool = false) {
    FileHandle.standardOutput.write(Data((newline ? text + "\n" : text).utf8))
}
