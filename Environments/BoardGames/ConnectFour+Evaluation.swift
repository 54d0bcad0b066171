import Dojo
extension ConnectFour {
    /// The 69 windows of four cells in a line (24 horizontal, 21 vertical, 24 diagonal) as bitmasks.
    static let windows: [UInt64] = {
        var windows: [UInt64] = []
        let directions = [(1, 0), (0, 1), (1, 1), (1, -1)]  // (column step, height step)
        for column in 0..<7 {
            for height in 0..<6 {
                for (dc, dh) in directions {
                    let end = (column + 3 * dc, height + 3 * dh)
                    guard (0..<7).contains(end.0), (0..<6).contains(end.1) else { continue }
                    var mask: UInt64 = 0
                    for step in 0..<4 {
                        mask |= 1 << (7 * (column + step * dc) + height + step * dh)
                    }
                    windows.append(mask)
                }
            }
        }
        return windows
    }()

    /// The points a window holding `count` pieces of one side and none of the other is worth.
    static let windowPoints = [0, 1, 4, 32, 0]
    /// The points each piece in the centre column is worth, which lies in more windows than any other.
    static let centrePoints = 3

    /// A heuristic score for `player`: open windows plus centre control, mine minus theirs.
    ///
    /// Every window of four cells in a line that holds pieces of only one side scores for that
    /// side 1, 4 or 32 points for one, two or three pieces (a window with both sides' pieces can
    /// never become a line and scores nothing); each piece in the centre column scores 3.
    /// The result is `player`'s points minus the opponent's, at most 69 * 32 + 18 in size.
    ///
    /// - Complexity: O(69), one pass over the windows with popcounts.
    public func evaluation(for player: Player) -> Int {
        let mine = board(of: player), theirs = board(of: player.opponent)
        var score = 0
        for window in Self.windows {
            let myCount = (mine & window).nonzeroBitCount, theirCount = (theirs & window).nonzeroBitCount
            if theirCount == 0 { score += Self.windowPoints[myCount] }
            if myCount == 0 { score -= Self.windowPoints[theirCount] }
        }
        let centre = Self.columnMask << 21
        score += Self.centrePoints * ((mine & centre).nonzeroBitCount - (theirs & centre).nonzeroBitCount)
        return score
    }
}
