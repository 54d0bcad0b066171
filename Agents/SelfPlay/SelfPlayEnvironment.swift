import Dojo

/// A turn-based environment seen from a learner's side, with the other side played by an
/// opponent drawn for each episode from an ``OpponentPool``: a built-in opponent of the
/// environment, or one of the learner's past snapshots.
///
/// Every transition is the learner's: its observation, its action, and the reward and end that
/// follow once the opponent has replied. A snapshot opponent plays through the environment's
/// `opponent: "none"` mode, in which the reward goes to the mover; when the opponent's reply
/// ends the game, the learner's step gets the opposite of the opponent's reward and the
/// terminal observation from the learner's side. The learner takes the first side in the
/// first episode after a seeded reset, then the second, and so on, or plays second in the share
/// of episodes its settings ask (``SelfPlaySettings/secondSideShare``). A reset option `opponent`
/// (and `agent_side`) picks the opponent of one episode instead of the mix, as evaluation
/// against a fixed opponent needs.
///
/// ```swift
/// let pool = try OpponentPool(settings: SelfPlaySettings())
/// var env = SelfPlayEnvironment(TicTacToeEnvironment(), pool: pool)
/// ```
public struct SelfPlayEnvironment<Base: TurnBasedEnvironment>: Wrapper {
    public typealias Observation = [Float]
    public typealias Action = Int
    public typealias ObservationSpace = Base.ObservationSpace
    public typealias ActionSpace = Discrete

    public var base: Base
    /// The mix and the snapshots, shared by every copy.
    public let pool: OpponentPool
    /// The side the learner plays this episode.
    public private(set) var learner = Player.first
    /// This episode's opponent: `"self"` or a built-in opponent's name (or a reset option's).
    public private(set) var opponentName = ""
    private var snapshot: Int?
    private var playsSnapshot = false
    private let builtInOptions: [String: Options]
    private var generator = SeededGenerator(seed: 0)
    private var episodesSinceSeed = 0
    private var mask: [Bool]

    /// `base` with its other side played by opponents from `pool`.
    ///
    /// - Throws: `EnvironmentError.invalidOption` when the pool names an opponent `base` does not have.
    public init(_ base: Base, pool: OpponentPool) throws(EnvironmentError) {
        self.base = base
        self.pool = pool
        var options: [String: Options] = [:]
        for name in pool.builtInNames { options[name] = try Base.opponentOptions(name) }
        builtInOptions = options
        mask = Array(repeating: false, count: base.actionSpace.n)
    }

    public var actionSpace: Discrete { base.actionSpace }

    /// Every episode has a winner or not: success is the learner's win.
    public var reportsSuccess: Bool { true }

    /// Whether the learner has won.
    public var isSuccess: Bool { base.winner == learner }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<[Float]> {
        if let seed {
            generator = SeededGenerator(seed: seed).child(1)
            episodesSinceSeed = 0
        }
        learner = pool.settings.learnerPlaysSecond(inEpisode: episodesSinceSeed) ? .second : .first
        episodesSinceSeed += 1
        snapshot = nil
        playsSnapshot = false
        if case .string(let name)? = options["opponent"] {
            opponentName = name
            if name != "none", options["agent_side"] == nil {
                return try base.reset(seed: seed, options: options.merging(["agent_side": .string(learner.name)]) { given, _ in given })
            }
            return try base.reset(seed: seed, options: options)
        }
        opponentName = pool.drawOpponent(using: &generator)
        if let builtIn = builtInOptions[opponentName] {
            var options = builtIn
            options["agent_side"] = .string(learner.name)
            return try base.reset(seed: seed, options: options)
        }
        playsSnapshot = true
        snapshot = pool.drawSnapshot(using: &generator)
        let start = try base.reset(seed: seed, options: ["opponent": "none"])
        guard learner == .second else { return start }
        let reply = playOpponent(seeing: start.observation)
        return Reset(observation: reply.observation, info: reply.info)
    }

    public mutating func step(_ action: Int) -> Step<[Float]> {
        let move = base.step(action)
        guard playsSnapshot, !move.terminated, !move.truncated else { return move }
        let reply = playOpponent(seeing: move.observation)
        return Step(
            observation: reply.terminated ? base.observation(for: learner) : reply.observation,
            reward: move.reward - reply.reward, terminated: reply.terminated, truncated: reply.truncated, info: reply.info)
    }

    /// The snapshot's move in the position it sees as `observation`, played.
    private mutating func playOpponent(seeing observation: [Float]) -> Step<[Float]> {
        mask.withUnsafeMutableBufferPointer { base.writeActionMask(into: $0) }
        let action = pool.move(snapshot: snapshot, observation: observation, mask: mask, using: &generator)
        var reply = base.step(action)
        reply.info["opponent_action"] = .number(Double(action))
        return reply
    }

    /// The learner's side, this episode's opponent, the generator and the episode count.
    struct SavedState: Codable, Sendable {
        var learner: Player
        var opponentName: String
        var snapshot: Int?
        var playsSnapshot: Bool
        var generator: SeededGenerator
        var episodesSinceSeed: Int
    }

    public func saveState() -> EnvironmentState? {
        saveState(own: SavedState(
            learner: learner, opponentName: opponentName, snapshot: snapshot, playsSnapshot: playsSnapshot, generator: generator,
            episodesSinceSeed: episodesSinceSeed))
    }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let own = try restoreState(state, own: SavedState.self)
        (learner, opponentName, snapshot, playsSnapshot) = (own.learner, own.opponentName, own.snapshot, own.playsSnapshot)
        (generator, episodesSinceSeed) = (own.generator, own.episodesSinceSeed)
    }
}
