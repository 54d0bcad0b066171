extension BoardGame {
    /// The number of floats in one encoded position: two planes of `rows x columns`.
    public static var planeCount: Int { rows * columns * 2 }

    /// The position as `player` sees it, as PettingZoo's classic games encode it: for each
    /// row, column and plane (0: `player`'s pieces, 1: the other side's), 1 where that plane
    /// has a piece and 0 elsewhere, in row, column, plane order.
    ///
    /// This is the one encoding of positions: the environments' observations, network
    /// opponents, self-play and search read positions through it, so a network trained on the
    /// environment plays from any position without an environment.
    ///
    /// - Precondition: `planes.count == planeCount`.
    /// - Complexity: O(rows x columns); allocates nothing.
    public func writePlanes(for player: Player, into planes: UnsafeMutableBufferPointer<Float>) {
        precondition(planes.count == Self.planeCount, "expected room for \(Self.planeCount) plane values, got \(planes.count)")
        for row in 0..<Self.rows {
            for column in 0..<Self.columns {
                let cell = (row * Self.columns + column) * 2
                let owner = piece(row: row, column: column)
                planes[cell] = owner == player ? 1 : 0
                planes[cell + 1] = owner == player.opponent ? 1 : 0
            }
        }
    }

    /// The position as `player` sees it (``writePlanes(for:into:)``), as a new array.
    public func planes(for player: Player) -> [Float] {
        [Float](unsafeUninitializedCapacity: Self.planeCount) { buffer, count in
            writePlanes(for: player, into: buffer)
            count = Self.planeCount
        }
    }

    /// The legal actions as flags, written into `mask` (``actionMask`` without allocating).
    ///
    /// - Precondition: `mask.count == actionCount`.
    public func writeActionMask(into mask: UnsafeMutableBufferPointer<Bool>) {
        precondition(mask.count == Self.actionCount, "expected a mask of \(Self.actionCount) flags, got \(mask.count)")
        let isOver = outcome.isOver
        for action in 0..<Self.actionCount { mask[action] = !isOver && hasRoom(for: action) }
    }
}
