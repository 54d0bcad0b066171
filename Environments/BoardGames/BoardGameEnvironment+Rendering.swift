import Dojo
import Rendering

extension BoardGameEnvironment {
    /// `.ansi` gives `textRendering`; `.rgb` gives `picture`.
    public func render(_ mode: RenderMode) -> RenderOutput? {
        switch mode {
        case .ansi: .text(textRendering)
        case .rgb: .frame(picture)
        }
    }

    /// The board as a picture with the last move marked and a status band saying whose turn it
    /// is or how the game ended (see `TicTacToe.Picture` and `ConnectFour.Picture`).
    public var picture: Frame {
        game.picture(lastCell: lastCell, outcome: outcome)
    }

    /// The action a click on pixel (`x`, `y`) of `picture` asks for, for human play by mouse:
    /// the cell for TicTacToe, the column for ConnectFour, legal or not; `nil` outside the board.
    public static func action(atPixel x: Int, y: Int) -> Int? {
        Game.action(atPixel: x, y: y)
    }

    /// The board as a grid of `X`, `O` and `.` (top row first), the last move in brackets,
    /// then a line saying whose turn it is or how the game ended.
    ///
    /// ```
    ///  X  .  .
    ///  . [O] .
    ///  .  .  X
    /// X to move
    /// ```
    public var textRendering: String {
        var lines: [String] = []
        for row in 0..<Game.rows {
            var line = ""
            for column in 0..<Game.columns {
                let mark = game.piece(row: row, column: column)?.mark ?? "."
                let isLast = lastCell.map { $0.row == row && $0.column == column } ?? false
                line += isLast ? "[\(mark)]" : " \(mark) "
            }
            lines.append(line)
        }
        lines.append(statusLine)
        return lines.joined(separator: "\n")
    }

    private var statusLine: String {
        switch outcome {
        case .ongoing: "\(game.currentPlayer.mark) to move"
        case .draw: "draw"
        case .win(let winner) where game.outcome == .ongoing: "\(winner.mark) wins: \(winner.opponent.mark) made an illegal move"
        case .win(let winner): "\(winner.mark) wins"
        }
    }
}
