/// A rectangular grid of tiles: the layout of a grid world.
///
/// ## Text format
/// A map is written one row per line, top row first, one character per cell:
///
/// | Character  | Tile  | Meaning                                                        |
/// |------------|-------|----------------------------------------------------------------|
/// | `S`        | start | where an episode starts (one is drawn uniformly if several)    |
/// | `F` or `.` | floor | walkable                                                       |
/// | `H`        | hole  | entering it ends the episode (reward 0 by default)             |
/// | `G`        | goal  | entering it ends the episode (reward 1 by default)             |
/// | `#`        | wall  | blocks movement: a move into it leaves the agent in place      |
///
/// Moves off the edge of the map also leave the agent in place, so a map needs no border of
/// walls. Lines end with `\n` or `\r\n`; trailing spaces and tabs on a line are ignored, and
/// so are blank lines before the first row and after the last. Every row must have the same
/// number of cells. A valid map has at least one `S`, at least one `G`, and from every `S` a
/// path of four-neighbour moves to some `G` that avoids holes and walls.
///
/// ```
/// S..#...
/// .#.#.#.
/// .#...#H
/// ...#..G
/// ```
///
/// A map that breaks these rules is rejected with a `GridMapError` naming the line and
/// column (for example `maze.txt:3:5: unknown character "X"`); a missing file names its path.
///
/// Maps have at most ``maximumSide`` rows and columns, as random maps do, and map files at
/// most ``maximumFileBytes`` bytes, so a huge or endless file is refused before it is read.
///
/// Cells are numbered row-major, `row * columns + column`: FrozenLake's state index.
public struct GridMap: Sendable, Hashable, CustomStringConvertible {
    /// The most rows, and the most columns, a map may have.
    public static let maximumSide = 1024
    /// The largest map file read, in bytes: a 1024 x 1024 map with room for `\r\n` endings
    /// and trailing spaces.
    public static let maximumFileBytes = 4 << 20

    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// Every tile, row-major.
    public let tiles: [GridTile]
    /// The cells marked `S`, in row-major order.
    public let starts: [Int]

    /// Creates a map from tiles without validating it.
    ///
    /// - Precondition: `tiles.count == rows * columns` and both are positive.
    init(rows: Int, columns: Int, tiles: [GridTile]) {
        precondition(rows > 0 && columns > 0 && tiles.count == rows * columns,
                     "expected \(rows) x \(columns) tiles, got \(tiles.count)")
        self.rows = rows
        self.columns = columns
        self.tiles = tiles
        self.starts = tiles.indices.filter { tiles[$0] == .start }
    }

    /// The number of cells, `rows * columns`.
    public var cellCount: Int { tiles.count }

    /// The tile at `row`, `column`.
    ///
    /// - Precondition: both lie inside the map.
    public subscript(row: Int, column: Int) -> GridTile {
        precondition(contains(row: row, column: column), "expected a cell inside \(rows) x \(columns), got (\(row), \(column))")
        return tiles[row * columns + column]
    }

    /// Whether `row`, `column` lies inside the map.
    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < rows && column >= 0 && column < columns
    }

    /// The row and column of cell `index`.
    public func position(of index: Int) -> (row: Int, column: Int) {
        (index / columns, index % columns)
    }

    /// The cell reached from `cell` by one move in `direction`: the same cell when the move
    /// would leave the map or enter a wall.
    public func cell(from cell: Int, moving direction: GridDirection) -> Int {
        let (row, column) = position(of: cell)
        let target = (row: row + direction.offset.row, column: column + direction.offset.column)
        guard contains(row: target.row, column: target.column) else { return cell }
        let index = target.row * columns + target.column
        return tiles[index].isEnterable ? index : cell
    }

    /// The map in the text format, with canonical letters (`F` for floor).
    public var text: String {
        (0..<rows).map { row in
            String(tiles[(row * columns)..<((row + 1) * columns)].map(\.symbol))
        }.joined(separator: "\n")
    }

    public var description: String { text }
}
