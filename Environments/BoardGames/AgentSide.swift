import Dojo
/// Which side the agent plays in a `BoardGameEnvironment` (option `agent_side`).
public enum AgentSide: String, Sendable, CaseIterable {
    /// The agent moves first (X).
    case first
    /// The agent moves second (O): reset lets the opponent make the first move.
    case second
    /// First in the first episode after construction or a seeded reset, then second, and so on.
    case alternate

    /// The side the agent plays in episode `index`, counted from 0 since the last seeded reset.
    public func player(inEpisode index: Int) -> Player {
        switch self {
        case .first: .first
        case .second: .second
        case .alternate: index % 2 == 0 ? .first : .second
        }
    }
}
