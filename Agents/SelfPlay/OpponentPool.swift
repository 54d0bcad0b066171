import Dojo
import Foundation

/// The learner's past selves and the mix of opponents it meets: training adds a frozen
/// snapshot of the policy every `snapshot_interval` steps (keeping the newest `pool_size`),
/// and each self-play episode draws its opponent from the mix with the environment's own
/// generator, so runs stay deterministic.
///
/// One pool is shared by every copy of a vectorised ``SelfPlayEnvironment``; a lock makes
/// drawing, acting and adding safe from the threads of a threaded vector environment.
public final class OpponentPool: @unchecked Sendable {
    /// The mix and the pool's growth.
    public let settings: SelfPlaySettings
    private let names: [String]
    private let cumulativeShares: [Double]
    private let lock = NSLock()
    private var snapshots: [(id: Int, policy: any Policy)] = []
    private var nextID = 0

    /// An empty pool with `settings`' mix; until the first snapshot joins, `"self"` plays
    /// uniformly random legal moves (as a freshly initialised policy nearly does).
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` for invalid settings.
    public init(settings: SelfPlaySettings) throws(AgentError) {
        try settings.validate()
        self.settings = settings
        names = settings.opponents.keys.sorted()
        var total = 0.0
        cumulativeShares = names.map { name in
            total += settings.opponents[name] ?? 0
            return total
        }
    }

    /// The built-in opponents of the mix (every name but `"self"`), in name order.
    public var builtInNames: [String] { names.filter { $0 != SelfPlaySettings.selfName } }

    /// The number of snapshots held.
    public var snapshotCount: Int { lock.withLock { snapshots.count } }

    /// Adds a frozen policy, dropping the oldest beyond `pool_size`.
    public func add(_ policy: any Policy) {
        lock.withLock {
            snapshots.append((nextID, policy))
            nextID += 1
            if snapshots.count > settings.poolSize { snapshots.removeFirst() }
        }
    }

    /// An opponent's name drawn by the shares.
    public func drawOpponent(using generator: inout SeededGenerator) -> String {
        let point = generator.nextUnitDouble() * cumulativeShares[cumulativeShares.count - 1]
        return names[cumulativeShares.firstIndex { point < $0 } ?? names.count - 1]
    }

    /// The id of a snapshot drawn uniformly from the pool, or `nil` while it is empty.
    public func drawSnapshot(using generator: inout SeededGenerator) -> Int? {
        lock.withLock {
            guard !snapshots.isEmpty else { return nil }
            return snapshots[Int(generator.next(upperBound: UInt64(snapshots.count)))].id
        }
    }

    /// The move of snapshot `id` (sampled from its policy), or a uniformly random legal move
    /// without one; a snapshot that has since left the pool is replaced by the newest.
    public func move(
        snapshot id: Int?, observation: [Float], mask: [Bool], using generator: inout SeededGenerator
    ) -> Int {
        lock.withLock {
            let policy = id.flatMap { id in snapshots.first { $0.id == id }?.policy } ?? snapshots.last?.policy
            return observation.withUnsafeBufferPointer { observation in
                mask.withUnsafeBufferPointer { mask in
                    guard let policy else { return randomLegalAction(count: mask.count, mask: mask, using: &generator) }
                    return policy.action(for: observation, mask: mask, deterministic: false, using: &generator)
                }
            }
        }
    }
}
