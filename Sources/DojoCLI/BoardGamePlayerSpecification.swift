import Agents
import Dojo
import Environments
import Foundation

/// The players `dojo play --opponent` and `dojo arena --players` accept, by name: `random`,
/// `alphabeta[:D]`, `tactical[:D]`, `mcts[:N]`, or the path of a checkpoint trained on the same game (a
/// greedy, masked network playing from the mover's side).
enum BoardGamePlayerSpecification {
    /// The player `specification` names for `Game`, registered as `environmentID`.
    ///
    /// - Throws: `CommandError` naming the specification and what is wrong.
    static func opponent<Game: BoardGame>(_ specification: String, environmentID: String, game: Game.Type) throws -> BoardGameOpponent<Game> {
        let name = specification.split(separator: ":").first.map(String.init) ?? specification
        if BoardGameEnvironment<Game>.builtInOpponentNames.contains(name) {
            do {
                return try BoardGameEnvironment<Game>.opponent(named: specification)
            } catch {
                throw CommandError("player '\(specification)': \(error)")
            }
        }
        return .policy(try network(specification, environmentID: environmentID, game: Game.self).boardGamePolicy)
    }

    /// The greedy, masked network of the checkpoint at `path`, which must be trained on `environmentID`.
    static func network<Game: BoardGame>(_ path: String, environmentID: String, game: Game.Type) throws -> PolicyPlayer<Game> {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError("player '\(path)': expected random, alphabeta[:DEPTH], tactical[:DEPTH], mcts[:SIMULATIONS] or a checkpoint file, and no such file exists")
        }
        let (policy, metadata) = try loadPolicy(from: URL(fileURLWithPath: path))
        guard metadata.environmentID == environmentID else {
            throw CommandError("player '\(path)': the checkpoint was trained on \(metadata.environmentID), not \(environmentID)")
        }
        guard policy.actionCount == Game.actionCount else {
            throw CommandError("player '\(path)': the checkpoint chooses among \(policy.actionCount) actions, \(environmentID) has \(Game.actionCount)")
        }
        return PolicyPlayer<Game>(policy: policy)
    }
}
