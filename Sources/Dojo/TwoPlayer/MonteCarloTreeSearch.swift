import Foundation

/// Monte Carlo tree search with UCT (Kocsis and Szepesvári, 2006) for any `BoardGame`: a
/// player that needs no evaluation function, only the rules.
///
/// Each of `simulations` iterations walks the tree from the position by the UCB1 score
/// (mean result + `exploration` x sqrt(ln N / n)), adds one untried move, plays the game out
/// with the rollout player (uniformly random legal moves, or any `BoardGamePolicy`: a trained
/// network, say) and credits the result, 1 for a win, 1/2 for a draw, to every move on the way
/// from the view of the side that made it. The answer is the most visited move. Every draw
/// comes from the caller's generator, so a seed fixes the play.
///
/// ```swift
/// let mcts = MonteCarloTreeSearch<ConnectFour>(simulations: 1_000)
/// var rng = SeededGenerator(seed: 1)
/// let column = mcts.move(in: ConnectFour(), using: &rng)
/// ```
public struct MonteCarloTreeSearch<Game: BoardGame>: Sendable {
    /// Iterations per move.
    public let simulations: Int
    /// UCB1's exploration constant; sqrt(2) by default, the textbook value for results in [0, 1].
    public let exploration: Double
    /// The player of the playouts, or `nil` for uniformly random legal moves.
    public let rolloutPolicy: BoardGamePolicy<Game>?

    /// A search of `simulations` iterations per move.
    ///
    /// - Precondition: `simulations >= 1` and `exploration >= 0`.
    public init(simulations: Int, exploration: Double = 2.0.squareRoot(), rolloutPolicy: BoardGamePolicy<Game>? = nil) {
        precondition(simulations >= 1, "expected at least 1 simulation, got \(simulations)")
        precondition(exploration >= 0, "expected an exploration constant of at least 0, got \(exploration)")
        self.simulations = simulations
        self.exploration = exploration
        self.rolloutPolicy = rolloutPolicy
    }

    /// One node of the tree: the move that led to it, who made it, and that side's results.
    private struct Node {
        let parent: Int
        let action: Int
        let mover: Player
        var visits = 0
        var score = 0.0
        var children: [Int] = []
        var untried: [Int]
    }

    /// The most visited move after `simulations` iterations from `game`, with each legal
    /// move's visit count (0 for illegal ones).
    ///
    /// - Precondition: the game is not over.
    public func search(in game: Game, using generator: inout SeededGenerator) -> (move: Int, visits: [Int]) {
        precondition(game.outcome == .ongoing, "expected a game in progress, got\n\(game)")
        var nodes = [Node(parent: -1, action: -1, mover: game.currentPlayer.opponent, untried: game.legalActions)]
        for _ in 0..<simulations {
            var position = game
            var node = 0
            while nodes[node].untried.isEmpty, !nodes[node].children.isEmpty {
                node = bestChild(of: node, in: nodes)
                position.play(nodes[node].action)
            }
            if !nodes[node].untried.isEmpty {
                let pick = Int(generator.next(upperBound: UInt64(nodes[node].untried.count)))
                let action = nodes[node].untried.remove(at: pick)
                let mover = position.currentPlayer
                position.play(action)
                let untried = position.outcome == .ongoing ? position.legalActions : []
                nodes.append(Node(parent: node, action: action, mover: mover, untried: untried))
                nodes[node].children.append(nodes.count - 1)
                node = nodes.count - 1
            }
            let outcome = playOut(position, using: &generator)
            while node >= 0 {
                nodes[node].visits += 1
                nodes[node].score += outcome == .draw ? 0.5 : (outcome == .win(nodes[node].mover) ? 1 : 0)
                node = nodes[node].parent
            }
        }
        var visits = Array(repeating: 0, count: Game.actionCount)
        for child in nodes[0].children { visits[nodes[child].action] = nodes[child].visits }
        let best = nodes[0].children.max { nodes[$0].visits < nodes[$1].visits || (nodes[$0].visits == nodes[$1].visits && nodes[$0].action > nodes[$1].action) }
        return (nodes[best ?? 0].action, visits)
    }

    /// The most visited move (``search(in:using:)``).
    ///
    /// - Precondition: the game is not over.
    public func move(in game: Game, using generator: inout SeededGenerator) -> Int {
        search(in: game, using: &generator).move
    }

    /// The child of `parent` with the highest UCB1 score; the first on a tie.
    private func bestChild(of parent: Int, in nodes: [Node]) -> Int {
        let logVisits = log(Double(nodes[parent].visits))
        var best = nodes[parent].children[0], bestScore = -Double.infinity
        for child in nodes[parent].children {
            let visits = Double(nodes[child].visits)
            let score = nodes[child].score / visits + exploration * (logVisits / visits).squareRoot()
            if score > bestScore {
                (best, bestScore) = (child, score)
            }
        }
        return best
    }

    /// The end of the game from `position` with the rollout player on both sides.
    private func playOut(_ position: Game, using generator: inout SeededGenerator) -> GameOutcome {
        var position = position
        while true {
            let outcome = position.outcome
            guard outcome == .ongoing else { return outcome }
            if let rolloutPolicy {
                position.play(rolloutPolicy(position, &generator))
            } else {
                position.play(Self.randomMove(in: position, using: &generator))
            }
        }
    }

    /// A uniform draw among the moves with room, without allocating.
    private static func randomMove(in position: Game, using generator: inout SeededGenerator) -> Int {
        var open = 0
        for action in 0..<Game.actionCount where position.hasRoom(for: action) { open += 1 }
        var pick = Int(generator.next(upperBound: UInt64(open)))
        for action in 0..<Game.actionCount where position.hasRoom(for: action) {
            if pick == 0 { return action }
            pick -= 1
        }
        preconditionFailure("expected a move with room in an unfinished game")
    }
}
