import Rendering

/// Draws a grid world's `rgb` frame in layers: flat tiles, grid lines, the agent, then the
/// shade over hidden cells. Colours come from `GridPalette`, positions from `GridLayout`.
struct GridPainter {
    /// Where the cells lie.
    let layout: GridLayout
    /// The frame being drawn.
    private var canvas: Canvas

    /// A painter on a new frame of `layout`'s size, filled with floor.
    init(layout: GridLayout) {
        self.layout = layout
        canvas = Canvas(width: layout.frameWidth, height: layout.frameHeight, background: GridPalette.floor)
    }

    /// The picture drawn so far.
    var frame: Frame { canvas.frame }

    /// Fills cell (`row`, `column`) with `color`, edge to edge.
    mutating func fillCell(row: Int, column: Int, color: RGB) {
        let (x, y) = layout.origin(row: row, column: column)
        canvas.fillRect(x: x, y: y, width: layout.tileSize, height: layout.tileSize, color: color)
    }

    /// Draws a one-pixel `GridPalette.gridLine` between every two neighbouring cells: the first
    /// pixel column of every column but the first, and the first pixel row of every row but
    /// the first.
    mutating func drawGridLines() {
        for column in 1..<layout.columns {
            canvas.fillRect(x: column * layout.tileSize, y: 0, width: 1, height: layout.frameHeight, color: GridPalette.gridLine)
        }
        for row in 1..<layout.rows {
            canvas.fillRect(x: 0, y: row * layout.tileSize, width: layout.frameWidth, height: 1, color: GridPalette.gridLine)
        }
    }

    /// Draws the agent: an anti-aliased `GridPalette.agent` disc of radius
    /// `layout.agentRadius` centred in cell (`row`, `column`).
    mutating func drawAgent(row: Int, column: Int) {
        canvas.fillCircle(centre: layout.centre(row: row, column: column), radius: layout.agentRadius,
                          color: GridPalette.agent, antialiased: true)
    }

    /// Darkens every cell farther than `radius` rows or columns from (`row`, `column`) with
    /// `GridPalette.hiddenShade`: what lies outside an agent-centred window of side
    /// `2 * radius + 1`.
    mutating func shadeOutside(radius: Int, ofRow row: Int, column: Int) {
        for cellRow in 0..<layout.rows {
            for cellColumn in 0..<layout.columns where abs(cellRow - row) > radius || abs(cellColumn - column) > radius {
                let (x, y) = layout.origin(row: cellRow, column: cellColumn)
                canvas.fillRect(x: x, y: y, width: layout.tileSize, height: layout.tileSize, color: GridPalette.hiddenShade)
            }
        }
    }
}
