import Dojo

extension GridMap {
    /// A random square map with a guaranteed path from the start to the goal.
    ///
    /// The start is the top-left cell and the goal the bottom-right one, as in Gymnasium's
    /// `generate_random_map`. First a staircase path of `size - 1` moves down and `size - 1`
    /// moves right is drawn, its order shuffled uniformly; the path's cells stay floor. Every
    /// other cell then becomes a hole with probability `holeProbability`, independently.
    /// Unlike Gymnasium's rejection sampling, this needs one pass whatever the probability.
    ///
    /// - Parameters:
    ///   - size: the number of rows and of columns.
    ///   - holeProbability: the chance that a cell off the path is a hole (Gymnasium's `1 - p`).
    ///   - generator: the source of every random draw.
    /// - Precondition: `size >= 2` and `0 <= holeProbability <= 1`.
    /// - Complexity: O(size²).
    public static func random<G: RandomNumberGenerator>(size: Int, holeProbability: Double, using generator: inout G) -> GridMap {
        precondition(size >= 2, "expected a map size of at least 2, got \(size)")
        precondition((0...1).contains(holeProbability), "expected a hole probability in [0, 1], got \(holeProbability)")
        var moves = [GridDirection](repeating: .down, count: size - 1) + [GridDirection](repeating: .right, count: size - 1)
        for index in stride(from: moves.count - 1, to: 0, by: -1) {
            let other = Int(generator.next(upperBound: UInt64(index + 1)))
            moves.swapAt(index, other)
        }
        var isOnPath = [Bool](repeating: false, count: size * size)
        var row = 0, column = 0
        isOnPath[0] = true
        for move in moves {
            row += move.offset.row
            column += move.offset.column
            isOnPath[row * size + column] = true
        }
        var tiles = [GridTile](repeating: .floor, count: size * size)
        for cell in tiles.indices where !isOnPath[cell] && generator.nextUnitDouble() < holeProbability {
            tiles[cell] = .hole
        }
        tiles[0] = .start
        tiles[size * size - 1] = .goal
        return GridMap(rows: size, columns: size, tiles: tiles)
    }
}
