import Dojo

/// A two-player board game as a single-agent environment: the agent plays one side and a
/// built-in opponent the other, or the caller plays both (`opponent: "none"`).
///
/// Observations follow PettingZoo's classic games: two planes of the board, the pieces of the
/// side the observation is for and then its opponent's, as Float32 in row, column, plane order
/// (`Box` of shape `[rows, columns, 2]`). With an opponent the observation is always the
/// agent's; with `opponent: "none"` it is the player to move's, and on the last step that of
/// the player who made the move. The reward is +1 for a win, -1 for a loss and 0 otherwise,
/// given when the game ends, for the agent (or, with no opponent, for the player who moved).
/// An illegal move loses at once, as in PettingZoo: reward -1 for its maker, episode terminated,
/// info `illegal_move: true` and `reason`.
///
/// Info on reset and every step: `action_mask` (0 or 1 per action, for the player to move;
/// all 0 once the game is over), `current_player` (`"first"` or `"second"`, null when over),
/// `outcome` (`"ongoing"`, `"win"`, `"draw"`), `winner` (`"first"`, `"second"` or null),
/// `agent_side` when an opponent plays, and `opponent_action` when the opponent moved.
///
/// See `TicTacToeEnvironment` and `ConnectFourEnvironment` for the two games' documentation.
///
/// ```swift
/// // Any closure can play the other side (a frozen copy of the agent, for self-play); here a search.
/// let search = AlphaBetaSearch(depth: 3)
/// var env = ConnectFourEnvironment(
///     opponent: .policy { game, rng in search.move(in: game, using: &rng) }, agentSide: .alternate)
/// let start = try env.reset(seed: 1)   // start.observation, start.info["action_mask"]
/// ```
public struct BoardGameEnvironment<Game: BoardGame>: Environment, Sendable {
    public typealias Observation = [Float]
    public typealias Action = Int

    public let observationSpace = Box<[Float]>(low: 0, high: 1, shape: [Game.rows, Game.columns, 2])
    public let actionSpace = Discrete(Game.actionCount)
    public let metadata = EnvironmentMetadata(renderModes: [.ansi, .rgb], renderFPS: 2)

    /// The opponent used unless a reset option names another for one episode.
    public let opponent: BoardGameOpponent<Game>
    /// The agent's side unless a reset option says otherwise for one episode.
    public let agentSide: AgentSide
    /// The position.
    public internal(set) var game = Game()
    /// How the episode stands; unlike `game.outcome`, it counts a loss by illegal move.
    public internal(set) var outcome = GameOutcome.ongoing
    /// The cell filled by the last move, marked in the text rendering and the picture.
    public internal(set) var lastCell: (row: Int, column: Int)?
    /// The side the agent plays this episode, or `nil` when the caller plays both.
    public internal(set) var agentPlayer: Player?
    var episodeOpponent: BoardGameOpponent<Game>
    var episodesSinceSeed = 0
    /// The options of the last reset, which chose this episode's opponent.
    var episodeOptions: Options = [:]
    var generator = SeededGenerator(seed: 0)

    /// Creates the environment; call `reset` before stepping.
    ///
    /// - Parameters:
    ///   - opponent: who plays the other side (default: a uniformly random player).
    ///   - agentSide: which side the agent plays (default: first).
    public init(opponent: BoardGameOpponent<Game> = .random, agentSide: AgentSide = .first) {
        self.opponent = opponent
        self.agentSide = agentSide
        episodeOpponent = opponent
    }

    /// Creates the environment from the options `opponent`, `depth` and `agent_side`.
    ///
    /// - Throws: `EnvironmentError.invalidOption` naming an unknown or malformed option.
    public init(options: Options) throws(EnvironmentError) {
        try options.rejectUnknown(Self.optionNames)
        let settings = try Self.settings(from: options, opponent: .random, agentSide: .first)
        self.init(opponent: settings.opponent, agentSide: settings.agentSide)
    }

    public var actionMask: [Bool] {
        outcome.isOver ? Array(repeating: false, count: Game.actionCount) : game.actionMask
    }

    /// A game against an opponent is a success when the agent wins.
    public var reportsSuccess: Bool { agentPlayer != nil }

    /// Whether the agent has won.
    public var isSuccess: Bool { agentPlayer.map { outcome == .win($0) } ?? false }

    /// Board games mask: only empty cells (TicTacToe) or open columns (ConnectFour) are legal.
    public var masksActions: Bool { true }

    /// The legal moves of the player to move; none once the game is over.
    public func writeActionMask(into mask: UnsafeMutableBufferPointer<Bool>) {
        guard !outcome.isOver else {
            mask.update(repeating: false)
            return
        }
        game.writeActionMask(into: mask)
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<[Float]> {
        try options.rejectUnknown(Self.optionNames)
        let settings = try Self.settings(from: options, opponent: opponent, agentSide: agentSide)
        if let seed {
            generator = SeededGenerator(seed: seed)
            episodesSinceSeed = 0
        }
        episodeOpponent = settings.opponent
        episodeOptions = options
        if case .none = settings.opponent {
            agentPlayer = nil
        } else {
            agentPlayer = settings.agentSide.player(inEpisode: episodesSinceSeed)
        }
        episodesSinceSeed += 1
        game = Game()
        outcome = .ongoing
        lastCell = nil
        var info: Info = [:]
        if agentPlayer == .second {
            playOpponent(into: &info)
        }
        let viewer = agentPlayer ?? game.currentPlayer
        return Reset(observation: observation(for: viewer), info: self.info(adding: info))
    }

    public mutating func step(_ action: Int) -> Step<[Float]> {
        precondition(actionSpace.contains(action), "expected an action in 0..<\(Game.actionCount), got \(action)")
        precondition(!outcome.isOver, "expected reset(seed:options:) after the game ended, got step(\(action))")
        let mover = game.currentPlayer
        var info: Info = [:]
        apply(action, into: &info)
        if agentPlayer != nil, !outcome.isOver {
            playOpponent(into: &info)
        }
        let viewer = agentPlayer ?? (outcome.isOver ? mover : game.currentPlayer)
        return Step(
            observation: observation(for: viewer), reward: outcome.reward(for: agentPlayer ?? mover),
            terminated: outcome.isOver, info: self.info(adding: info))
    }

    private mutating func playOpponent(into info: inout Info) {
        guard let action = episodeOpponent.move(in: game, using: &generator) else { return }
        info["opponent_action"] = .number(Double(action))
        apply(action, into: &info)
    }

    /// Plays `action` for the player to move, or ends the game as that player's loss when illegal.
    private mutating func apply(_ action: Int, into info: inout Info) {
        let mover = game.currentPlayer
        guard game.isLegal(action) else {
            outcome = .win(mover.opponent)
            info["illegal_move"] = true
            info["illegal_player"] = .string(mover.name)
            info["reason"] = .string(game.illegalReason(action))
            return
        }
        lastCell = game.landingCell(of: action)
        game.play(action)
        outcome = game.outcome
    }
}
