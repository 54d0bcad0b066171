import Dojo
import Foundation
import NeuralCore

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

    /// What a resumable checkpoint keeps of the pool besides the snapshots' weights: the next
    /// snapshot's id, and each snapshot's id and settings, oldest first.
    struct SavedState: Codable, Equatable {
        struct Snapshot: Codable, Equatable {
            var id: Int
            var metadata: [String: String]
        }

        var nextID: Int
        var snapshots: [Snapshot]
    }

    /// The prefix of the snapshots' tensors in a checkpoint: `opponent_pool.<id>.<name>`.
    static let tensorPrefix = "opponent_pool."

    /// Appends the snapshots' weights to `file` and returns the rest of the pool's state.
    func save(into file: inout SafeTensors) -> SavedState {
        lock.withLock {
            var saved = SavedState(nextID: nextID, snapshots: [])
            for (id, policy) in snapshots {
                let state = policy.snapshotState()
                file.tensors += state.tensors.map { ("\(Self.tensorPrefix)\(id).\($0.name)", $0.tensor) }
                saved.snapshots.append(SavedState.Snapshot(id: id, metadata: state.metadata))
            }
            return saved
        }
    }

    /// Replaces the snapshots with the ones `saved` and `file` (read from `path`) hold, each
    /// a frozen copy of `policy` acting with its saved weights, so a resumed run meets the
    /// opponents the stopped one would have.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming the snapshot that does
    ///   not fit.
    func restore(_ saved: SavedState, from file: SafeTensors, rebuilding policy: any Policy, path: String) throws(AgentError) {
        let ids = saved.snapshots.map(\.id)
        guard ids.count <= settings.poolSize, ids == ids.sorted(), Set(ids).count == ids.count, ids.allSatisfy({ (0..<saved.nextID).contains($0) }) else {
            throw .invalidCheckpoint(
                path: path, reason: "its opponent pool (snapshots \(ids), next \(saved.nextID)) does not fit a pool of \(settings.poolSize)")
        }
        var restored: [(id: Int, policy: any Policy)] = []
        for snapshot in saved.snapshots {
            let state = ResumableCheckpoint.tensors(withPrefix: "\(Self.tensorPrefix)\(snapshot.id).", in: file, metadata: snapshot.metadata)
            do {
                restored.append((snapshot.id, try policy.snapshot(restoring: state)))
            } catch {
                throw .invalidCheckpoint(path: path, reason: "opponent pool snapshot \(snapshot.id): \(error)")
            }
        }
        lock.withLock { (snapshots, nextID) = (restored, saved.nextID) }
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
