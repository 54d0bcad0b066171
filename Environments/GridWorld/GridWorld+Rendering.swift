import Dojo
import Rendering

extension GridWorld {
    /// `.ansi` gives `textRendering`, `.rgb` gives `rgbFrame`.
    public func render(_ mode: RenderMode) -> RenderOutput? {
        switch mode {
        case .ansi: .text(textRendering)
        case .rgb: .frame(rgbFrame)
        }
    }

    /// The map as FrozenLake's `ansi` render draws it: a first line naming the last action
    /// (`  (Down)`, empty after a reset), then one line per row in canonical letters with the
    /// agent's cell on a red background (`ESC[41m` ... `ESC[0m`).
    public var textRendering: String {
        var text = lastAction.map { "  (\($0.name))\n" } ?? "\n"
        for row in 0..<map.rows {
            for column in 0..<map.columns {
                let index = row * map.columns + column
                let symbol = String(map.tiles[index].symbol)
                text += index == cell ? "\u{1B}[41m\(symbol)\u{1B}[0m" : symbol
            }
            text += "\n"
        }
        return text
    }

    /// Where the map's cells lie in `rgbFrame`: `GridLayout.standardTileSize` (32) pixel tiles
    /// for maps of up to 64 cells on a side.
    public var renderLayout: GridLayout { GridLayout(rows: map.rows, columns: map.columns) }

    /// The `rgb` render: every cell a flat tile in its `GridPalette` colour, a one-pixel grid
    /// line between cells, and the agent as a red disc in its cell. When the encoding shows
    /// only a window around the agent (`viewRadius`, the `partial` mode), the cells outside it
    /// are shaded, so a viewer sees what the agent sees.
    public var rgbFrame: Frame {
        var painter = GridPainter(layout: renderLayout)
        for (index, tile) in map.tiles.enumerated() where tile != .floor {
            let (row, column) = map.position(of: index)
            painter.fillCell(row: row, column: column, color: GridPalette.color(of: tile))
        }
        painter.drawGridLines()
        let (row, column) = map.position(of: cell)
        painter.drawAgent(row: row, column: column)
        if let radius = encoding.viewRadius {
            painter.shadeOutside(radius: radius, ofRow: row, column: column)
        }
        return painter.frame
    }

    /// The cell, `row * columns + column`, that frame pixel (`x`, `y`) belongs to, or `nil`
    /// for a pixel outside the frame; a grid line belongs to the cell right of or below it.
    public func cell(atPixel x: Int, _ y: Int) -> Int? {
        renderLayout.position(atPixel: x, y).map { $0.row * map.columns + $0.column }
    }
}
