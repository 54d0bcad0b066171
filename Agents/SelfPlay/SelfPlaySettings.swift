/// Who a self-playing learner meets, in a configuration's `self_play` object: shares of its
/// own past snapshots (`"self"`) and of the environment's built-in opponents, how the pool of
/// snapshots grows, and how often the learner plays second.
///
/// ```json
/// "self_play": {"opponents": {"self": 0.5, "random": 0.25, "alphabeta:9": 0.25},
///               "snapshot_interval": 10000, "pool_size": 10, "second_side_share": 0.5}
/// ```
public struct SelfPlaySettings: Codable, Equatable, Sendable {
    /// Each opponent's share of the episodes: `"self"` for a snapshot drawn uniformly from the
    /// pool, or a built-in opponent's name (`"random"`, `"alphabeta:D"`); shares need not sum
    /// to 1.
    public var opponents: [String: Double]
    /// Learner steps between two snapshots of its policy joining the pool.
    public var snapshotInterval: Int
    /// The most snapshots the pool keeps; the oldest leaves first.
    public var poolSize: Int
    /// The share of episodes in which the learner plays second, spread evenly over the episodes
    /// after each seeded reset (0.5, the default: first and second in turn), for a side that is
    /// harder to learn.
    public var secondSideShare: Double

    /// The name of the learner's own snapshots among ``opponents``.
    public static let selfName = "self"

    /// Settings with the given mix and pool: by default half the episodes against snapshots and
    /// half against a random player, a snapshot every 10,000 steps, the last 10 kept.
    public init(
        opponents: [String: Double] = ["self": 0.5, "random": 0.5], snapshotInterval: Int = 10_000, poolSize: Int = 10,
        secondSideShare: Double = 0.5
    ) {
        self.opponents = opponents
        self.snapshotInterval = snapshotInterval
        self.poolSize = poolSize
        self.secondSideShare = secondSideShare
    }

    /// Whether the learner plays second in episode `episode` (counted from 0 after a seeded
    /// reset): when the running count of second-side episodes, `⌊(episode + 1)·share⌋`, grows.
    public func learnerPlaysSecond(inEpisode episode: Int) -> Bool {
        (Double(episode + 1) * secondSideShare).rounded(.down) > (Double(episode) * secondSideShare).rounded(.down)
    }

    enum CodingKeys: String, CodingKey {
        case opponents
        case snapshotInterval = "snapshot_interval"
        case poolSize = "pool_size"
        case secondSideShare = "second_side_share"
    }

    /// Reads the fields present and keeps the defaults of the others.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SelfPlaySettings()
        opponents = try container.decodeIfPresent([String: Double].self, forKey: .opponents) ?? defaults.opponents
        snapshotInterval = try container.decodeIfPresent(Int.self, forKey: .snapshotInterval) ?? defaults.snapshotInterval
        poolSize = try container.decodeIfPresent(Int.self, forKey: .poolSize) ?? defaults.poolSize
        secondSideShare = try container.decodeIfPresent(Double.self, forKey: .secondSideShare) ?? defaults.secondSideShare
    }

    /// Checks the shares and sizes.
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` naming the setting.
    public func validate() throws(AgentError) {
        guard !opponents.isEmpty, opponents.values.allSatisfy({ $0 >= 0 && $0.isFinite }), opponents.values.contains(where: { $0 > 0 }) else {
            throw .invalidConfiguration(field: "self_play.opponents", reason: "expected finite shares of at least 0, one of them above 0, got \(opponents)")
        }
        guard snapshotInterval > 0 else {
            throw .invalidConfiguration(field: "self_play.snapshot_interval", reason: "expected at least 1 step, got \(snapshotInterval)")
        }
        guard poolSize > 0 else {
            throw .invalidConfiguration(field: "self_play.pool_size", reason: "expected at least 1 snapshot, got \(poolSize)")
        }
        guard (0...1).contains(secondSideShare) else {
            throw .invalidConfiguration(field: "self_play.second_side_share", reason: "expected a share from 0 to 1, got \(secondSideShare)")
        }
    }
}
