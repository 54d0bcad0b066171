import Foundation

/// Elo ratings fitted to game results by maximum likelihood (the Bradley–Terry model on
/// Elo's scale: a player `d` points stronger scores 1 / (1 + 10^(-d/400)) on average), with
/// 95% confidence intervals from the curvature of the likelihood at its peak.
///
/// A draw counts as half a win. Each pair that met also gets one virtual draw, a weak prior
/// that keeps ratings finite when one player won every game (as BayesElo's prior does). The
/// anchor's rating is fixed at 0 and the others are relative to it.
public struct EloRatings: Sendable, Equatable {
    /// The rating of each player, in the order given; the anchor's is 0.
    public let ratings: [Double]
    /// Half the width of each rating's 95% confidence interval (0 for the anchor).
    public let margins: [Double]

    private static let scale = 400 / log(10.0)

    /// Fits ratings to `results`, where `results[i][j]` holds player `i`'s wins, draws and
    /// losses in all its games against player `j` (so `results[j][i]` mirrors it).
    ///
    /// - Precondition: `results` is square and `anchor` one of its players.
    public init(results: [[(wins: Int, draws: Int, losses: Int)]], anchor: Int) {
        let count = results.count
        precondition(results.allSatisfy { $0.count == count }, "expected a square table of results")
        precondition((0..<count).contains(anchor), "expected the anchor among the \(count) players, got \(anchor)")
        // games[i][j] and score[i][j]: games between i and j and i's points, with the prior.
        var games = Array(repeating: Array(repeating: 0.0, count: count), count: count)
        var score = games
        for i in 0..<count {
            for j in 0..<count where i != j {
                let (wins, draws, losses) = results[i][j]
                let played = Double(wins + draws + losses)
                guard played > 0 else { continue }
                games[i][j] = played + 1
                score[i][j] = Double(wins) + Double(draws) / 2 + 0.5
            }
        }
        let free = (0..<count).filter { $0 != anchor }
        var strength = Array(repeating: 0.0, count: count)
        var information = Array(repeating: Array(repeating: 0.0, count: free.count), count: free.count)
        for _ in 0..<200 {
            var gradient = Array(repeating: 0.0, count: free.count)
            information = Array(repeating: Array(repeating: 0.0, count: free.count), count: free.count)
            for (row, i) in free.enumerated() {
                for j in 0..<count where games[i][j] > 0 {
                    let expected = 1 / (1 + exp(strength[j] - strength[i]))
                    gradient[row] += score[i][j] - games[i][j] * expected
                    let curvature = games[i][j] * expected * (1 - expected)
                    information[row][row] += curvature
                    if let column = free.firstIndex(of: j) { information[row][column] -= curvature }
                }
            }
            guard let step = Self.solve(information, gradient) else { break }
            var largest = 0.0
            for (row, i) in free.enumerated() {
                let change = max(-2, min(2, step[row]))
                strength[i] += change
                largest = max(largest, abs(change))
            }
            if largest < 1e-10 { break }
        }
        ratings = strength.map { $0 * Self.scale }
        var margins = Array(repeating: 0.0, count: count)
        for (row, i) in free.enumerated() {
            var unit = Array(repeating: 0.0, count: free.count)
            unit[row] = 1
            let variance = Self.solve(information, unit)?[row] ?? .infinity
            margins[i] = 1.96 * variance.squareRoot() * Self.scale
        }
        self.margins = margins
    }

    /// The solution of `matrix` x = `vector` by Gaussian elimination with partial pivoting,
    /// or `nil` when the matrix is singular (a player who met nobody).
    private static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        let size = vector.count
        var a = matrix, b = vector
        for column in 0..<size {
            guard let pivot = (column..<size).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }), abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in column + 1..<size {
                let factor = a[row][column] / a[column][column]
                for k in column..<size { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = Array(repeating: 0.0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1..<size { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x
    }
}
