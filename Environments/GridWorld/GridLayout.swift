import Rendering

/// Where the cells of a `rows` x `columns` grid lie in a rendered frame, and back.
///
/// Cell (`row`, `column`) is the square of `tileSize` x `tileSize` pixels whose top-left pixel
/// is (`column * tileSize`, `row * tileSize`), so a frame is `columns * tileSize` pixels wide
/// and `rows * tileSize` high. The one-pixel grid line between two cells is the first column
/// (or row) of the cell to its right (or below), so it belongs to that cell.
///
/// Tiles are `standardTileSize` (32) pixels on a side: FrozenLake 4x4 renders to 128 x 128,
/// 8x8 to 256 x 256. Only a grid with more than `maximumFrameSide / standardTileSize` (64)
/// cells on a side gets smaller tiles, the largest whole size that keeps the frame within
/// `maximumFrameSide` pixels (2 pixels for a 1024 x 1024 map, at least 1), so a large random
/// map still renders to a frame of a few megabytes.
public struct GridLayout: Sendable, Hashable {
    /// The side of a tile, in pixels, for every grid of up to 64 cells on a side.
    public static let standardTileSize = 32
    /// The longest frame side a grid with smaller tiles is fitted into.
    public static let maximumFrameSide = 2048
    /// The agent's disc radius as a fraction of the tile size.
    public static let agentRadiusFraction = 0.3

    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The side of a tile in pixels.
    public let tileSize: Int

    /// The layout of a grid of `rows` x `columns` cells.
    ///
    /// - Precondition: both are positive.
    public init(rows: Int, columns: Int) {
        precondition(rows > 0 && columns > 0, "expected a positive number of rows and columns, got \(rows) x \(columns)")
        self.rows = rows
        self.columns = columns
        tileSize = max(1, min(Self.standardTileSize, Self.maximumFrameSide / max(rows, columns)))
    }

    /// The frame width in pixels, `columns * tileSize`.
    public var frameWidth: Int { columns * tileSize }

    /// The frame height in pixels, `rows * tileSize`.
    public var frameHeight: Int { rows * tileSize }

    /// The top-left pixel of cell (`row`, `column`).
    public func origin(row: Int, column: Int) -> (x: Int, y: Int) {
        (column * tileSize, row * tileSize)
    }

    /// The geometric centre of cell (`row`, `column`), where the agent's disc is centred.
    public func centre(row: Int, column: Int) -> Point {
        Point(Double(column * tileSize) + Double(tileSize) / 2, Double(row * tileSize) + Double(tileSize) / 2)
    }

    /// The centre pixel of cell (`row`, `column`), `tileSize / 2` pixels right of and below
    /// its top-left pixel: inside the agent's disc when the agent stands there.
    public func centrePixel(row: Int, column: Int) -> (x: Int, y: Int) {
        (column * tileSize + tileSize / 2, row * tileSize + tileSize / 2)
    }

    /// The agent's disc radius in pixels, `agentRadiusFraction * tileSize`.
    public var agentRadius: Double { Self.agentRadiusFraction * Double(tileSize) }

    /// The cell holding frame pixel (`x`, `y`), grid lines included, or `nil` for a pixel
    /// outside the frame. This is how a viewer turns a click into a cell.
    public func position(atPixel x: Int, _ y: Int) -> (row: Int, column: Int)? {
        guard x >= 0, y >= 0, x < frameWidth, y < frameHeight else { return nil }
        return (y / tileSize, x / tileSize)
    }
}
