/// A two-player environment whose sides take turns, with observations for either side: what
/// self-play needs to put a learner on one side and its own snapshots on the other.
///
/// Besides the protocol's members, such an environment takes these reset options:
/// `opponent: "none"` lets the caller play both sides, each `step` moving for the side to
/// move (its reward is the mover's, its observation the next mover's view, and on the last
/// step the mover's); any name `opponentOptions(_:)` accepts plays a built-in opponent, and
/// `agent_side` (`"first"` or `"second"`) then says which side the caller plays.
public protocol TurnBasedEnvironment: Environment where Observation == [Float], Action == Int, ActionSpace == Discrete {
    /// The side to move, or `nil` once the episode is over.
    var playerToMove: Player? { get }
    /// The side that has won, or `nil` while the game goes on or after a draw.
    var winner: Player? { get }
    /// The current state as `player` sees it, as the environment's observations show it.
    func observation(for player: Player) -> [Float]
    /// The reset options that make a built-in opponent play the other side, from its name as
    /// people write it (`"random"`, `"alphabeta:4"`).
    ///
    /// - Throws: `EnvironmentError.invalidOption` naming an unknown or malformed opponent.
    static func opponentOptions(_ name: String) throws(EnvironmentError) -> Options
}

extension OrderEnforcing: TurnBasedEnvironment where Base: TurnBasedEnvironment {
    /// The wrapped environment's.
    public var playerToMove: Player? { base.playerToMove }
    /// The wrapped environment's.
    public var winner: Player? { base.winner }
    /// The wrapped environment's.
    public func observation(for player: Player) -> [Float] { base.observation(for: player) }
    /// The wrapped environment's.
    public static func opponentOptions(_ name: String) throws(EnvironmentError) -> Options { try Base.opponentOptions(name) }
}

extension TimeLimit: TurnBasedEnvironment where Base: TurnBasedEnvironment {
    /// The wrapped environment's.
    public var playerToMove: Player? { base.playerToMove }
    /// The wrapped environment's.
    public var winner: Player? { base.winner }
    /// The wrapped environment's.
    public func observation(for player: Player) -> [Float] { base.observation(for: player) }
    /// The wrapped environment's.
    public static func opponentOptions(_ name: String) throws(EnvironmentError) -> Options { try Base.opponentOptions(name) }
}
