import Dojo
import Rendering

extension MemoryCorridor {
    /// `.ansi` gives `textRendering`, `.rgb` gives `rgbFrame`.
    public func render(_ mode: RenderMode) -> RenderOutput? {
        switch mode {
        case .ansi: .text(textRendering)
        case .rgb: .frame(rgbFrame)
        }
    }

    /// Three rows in the grid-map letters, as `GridWorld` draws: walls, the up end (`G` or
    /// `H`, showing where the goal really is), the corridor from `S`, and the down end; the
    /// agent on a red background, the last action on the first line.
    public var textRendering: String {
        let agent = agentPosition
        var text = lastAction.map { "  (\($0.name))\n" } ?? "\n"
        for row in 0..<3 {
            for column in 0..<length {
                let symbol = String(tile(row: row, column: column).symbol)
                text += (row, column) == agent ? "\u{1B}[41m\(symbol)\u{1B}[0m" : symbol
            }
            text += "\n"
        }
        return text
    }

    /// Where the three rows of `length` cells lie in `rgbFrame`.
    public var renderLayout: GridLayout { GridLayout(rows: 3, columns: length) }

    /// The `rgb` render: the three rows of `textRendering` as `GridPalette` tiles with grid
    /// lines and the agent's red disc. While the cue is visible (right after a reset, the only
    /// time the agent observes it) the wall cell next to the start on the goal's side, above
    /// or below it, is lit in `GridPalette.cue`.
    public var rgbFrame: Frame {
        var painter = GridPainter(layout: renderLayout)
        for row in 0..<3 {
            for column in 0..<length {
                painter.fillCell(row: row, column: column, color: GridPalette.color(of: tile(row: row, column: column)))
            }
        }
        if lastAction == nil {
            painter.fillCell(row: isGoalUp ? 0 : 2, column: 0, color: GridPalette.cue)
        }
        painter.drawGridLines()
        let agent = agentPosition
        painter.drawAgent(row: agent.row, column: agent.column)
        return painter.frame
    }

    /// The tile drawn at `row` (0 the up end's row, 1 the corridor, 2 the down end's row) and
    /// `column`: the ends are the goal and a hole, as the cue says; the rest of rows 0 and 2 is wall.
    private func tile(row: Int, column: Int) -> GridTile {
        if row == 1 { return column == 0 ? .start : .floor }
        guard column == length - 1 else { return .wall }
        return (row == 0) == isGoalUp ? .goal : .hole
    }

    /// The agent's row and column in the three-row picture.
    private var agentPosition: (row: Int, column: Int) {
        guard let enteredEnd else { return (1, column) }
        return (enteredEnd == .up ? 0 : 2, length - 1)
    }
}
