import Agents
import ArgumentParser
import Dojo
import Environments
import Foundation

/// `dojo play`: a person plays a board game against a built-in opponent, in the terminal (or,
/// with the SDL trait and `--window`, by clicking).
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play TicTacToe or ConnectFour against a built-in opponent or a trained agent.",
        discussion: """
            In the terminal, type a cell number (TicTacToe, 0-8 row by row) or a column number \
            (ConnectFour, 0-6) and press Return; an illegal or malformed move is asked again. \
            Type q to give up. The board is redrawn after every move and the result announced.

            Examples:
              dojo play --env TicTacToe-v0 --opponent alphabeta:9
              dojo play --env ConnectFour-v0 --opponent random --first opponent
              dojo play --env ConnectFour-v0 --opponent mcts:2000
              dojo play --env TicTacToe-v0 --opponent runs/TicTacToe-v0-ppo-1-20261202-120000/final.safetensors
            """
    )

    @Option(help: "TicTacToe-v0 or ConnectFour-v0.")
    var env = "TicTacToe-v0"

    @Option(help: "Options for making the game, as a JSON object (e.g. '{\"observation\": \"planes\"}'); --opponent, --move-time and --first win over them.")
    var options: String?

    @Option(help: "random; tactical (takes wins, blocks, else random); tactical:D for a search of D plies that sees only wins and losses; alphabeta:D for alpha-beta search to depth D, from 1 to 9 for TicTacToe and 1 to 12 for ConnectFour (alphabeta alone: the game's default depth); mcts:N for Monte Carlo tree search with N simulations per move; or the path of a checkpoint trained on the game (its value estimate is shown with each move).")
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
        if env == "TicTacToe-v0" {
            try play(TicTacToe.self, hint: "cell 0-8, row by row")
        } else {
            try play(ConnectFour.self, hint: "column 0-6")
        }
    }

    /// Whether `--opponent` names a checkpoint rather than a built-in player.
    private var opponentIsCheckpoint: Bool {
        !TicTacToeEnvironment.builtInOpponentNames.contains(opponent.split(separator: ":").first.map(String.init) ?? opponent)
    }

    private func play<Game: BoardGame>(_: Game.Type, hint: String) throws {
        var options = try parseOptions(self.options, flag: "--options")
        var network: PolicyPlayer<Game>?
        var environment: BoardGameEnvironment<Game>
        if opponentIsCheckpoint {
            guard options.isEmpty else { throw CommandError("--options: a checkpoint opponent plays as trained; drop --options") }
            let player = try BoardGamePlayerSpecification.network(opponent, environmentID: env, game: Game.self)
            environment = BoardGameEnvironment(opponent: .policy(player.boardGamePolicy), agentSide: first == "human" ? .first : .second)
            network = player
        } else {
            options.merge(try opponentOptions()) { _, flag in flag }
            options["agent_side"] = first == "human" ? "first" : "second"
            environment = try BoardGameEnvironment<Game>(options: options)
        }
        if window {
            try playInWindow(environment, network: network)
        } else {
            try playInTerminal(&environment, network: network, hint: hint)
        }
    }

    /// The environment options for `--opponent` and `--move-time`.
    func opponentOptions() throws -> Options {
        if opponent.hasPrefix("mcts") || opponent.hasPrefix("tactical") {
            guard moveTime == nil else { throw ValidationError("--move-time: expected only with an alphabeta opponent, got --opponent \(opponent)") }
            do {
                return env == "TicTacToe-v0" ? try TicTacToeEnvironment.opponentOptions(opponent) : try ConnectFourEnvironment.opponentOptions(opponent)
            } catch {
                throw ValidationError("--opponent: \(error)")
            }
        }
        if opponentIsCheckpoint {
            guard moveTime == nil else { throw ValidationError("--move-time: expected only with an alphabeta opponent, got a checkpoint") }
            return [:]
        }
        if opponent == "random" {
            guard moveTime == nil else { throw ValidationError("--move-time: expected only with an alphabeta opponent, got --opponent \(opponent)") }
            return ["opponent": .string(opponent)]
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
            throw ValidationError("--opponent: expected random, tactical, alphabeta or alphabeta:D with D from 1 to \(maximum) for \(env)\(moveTime == nil ? " (deeper with --move-time)" : ""), got \(opponent)")
        }
        options["depth"] = .number(Double(depth))
        return options
    }

    /// The deepest fixed-depth search `env` allows.
    private var maximumDepth: Int { env == "TicTacToe-v0" ? TicTacToe.maximumSearchDepth : ConnectFour.maximumSearchDepth }

    /// The number of cells of `env`'s board, the deepest any search can go.
    private var cellCount: Int { env == "TicTacToe-v0" ? TicTacToe.rows * TicTacToe.columns : ConnectFour.rows * ConnectFour.columns }

    private func playInTerminal<Game: BoardGame>(
        _ environment: inout BoardGameEnvironment<Game>, network: PolicyPlayer<Game>?, hint: String
    ) throws {
        let start = try environment.reset(seed: seed)
        let human = environment.agentPlayer ?? .first
        writeToTerminal("You are \(human.mark); the opponent (\(opponent)) is \(human.opponent.mark). Moves: \(hint). Type q to give up.\n", newline: true)
        if let reply = start.info["opponent_action"]?.intValue {
            let estimate = network?.lastValueEstimate.map { "; its value estimate: \(Self.signed($0))" } ?? ""
            writeToTerminal("Opponent plays \(reply)\(estimate).", newline: true)
        }
        writeToTerminal(environment.textRendering, newline: true)
        while environment.outcome == .ongoing {
            guard let action = askMove(environment, hint: hint) else {
                writeToTerminal("\nYou gave up.", newline: true)
                return
            }
            let result = environment.step(action)
            if let reply = result.info["opponent_action"]?.intValue {
                let estimate = network?.lastValueEstimate.map { "; its value estimate: \(Self.signed($0))" } ?? ""
                writeToTerminal("\nOpponent plays \(reply)\(estimate).", newline: true)
            }
            writeToTerminal(environment.textRendering, newline: true)
            if result.isDone {
                writeToTerminal(result.reward > 0 ? "Result: you win!" : result.reward < 0 ? "Result: you lose." : "Result: draw.", newline: true)
            }
        }
    }

    /// A value estimate with its sign, as the terminal shows it.
    static func signed(_ value: Float) -> String {
        String(format: "%+.2f", value)
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
