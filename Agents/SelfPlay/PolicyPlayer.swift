import Dojo
import Foundation

/// A trained policy as a board-game player: it reads any position through the game's one
/// encoding (``Dojo/BoardGame/planes(for:)`` from the mover's side, and the legal moves as
/// its mask), so one network plays either side without an environment: an opponent in an
/// environment, a player in the arena, a move source for search.
///
/// A lock lets it play from several threads; the policy itself is not shared elsewhere.
public final class PolicyPlayer<Game: BoardGame>: @unchecked Sendable {
    /// The policy, over `Game.actionCount` actions and `Game.planeCount` floats.
    public let policy: any Policy
    /// Whether it plays its most probable legal move (greedy) rather than a sampled one.
    public let deterministic: Bool
    private let lock = NSLock()
    private var lastEstimate: Float?

    /// A player that asks `policy` for moves.
    ///
    /// - Precondition: `policy.actionCount == Game.actionCount`.
    public init(policy: any Policy, deterministic: Bool = true) {
        precondition(policy.actionCount == Game.actionCount, "expected a policy over \(Game.actionCount) actions, got \(policy.actionCount)")
        self.policy = policy
        self.deterministic = deterministic
    }

    /// The policy's legal move for the side to move in `game`.
    ///
    /// - Precondition: the game is not over.
    public func move(in game: Game, using generator: inout SeededGenerator) -> Int {
        let planes = game.planes(for: game.currentPlayer)
        let mask = game.actionMask
        return lock.withLock {
            planes.withUnsafeBufferPointer { planes in
                mask.withUnsafeBufferPointer { mask in
                    lastEstimate = policy.estimatedValue(of: planes, mask: mask)
                    return policy.action(for: planes, mask: mask, deterministic: deterministic, using: &generator)
                }
            }
        }
    }

    /// The policy's value estimate of the position of its last move, from its own side (about
    /// +1 when it expects to win, -1 to lose), or `nil` before a move or without an estimate.
    public var lastValueEstimate: Float? { lock.withLock { lastEstimate } }

    /// The player as a closure an environment or the arena takes.
    public var boardGamePolicy: BoardGamePolicy<Game> {
        { game, generator in self.move(in: game, using: &generator) }
    }
}
