import Dojo
import Rendering

extension TicTacToe {
    /// The geometry and colours of TicTacToe's RGB picture, so tests and tools can compute
    /// which pixel shows what.
    ///
    /// The frame is `width` x `height` (320 x 360) pixels on `backgroundColor`. The board's
    /// top-left corner is at (`margin`, `margin`); cell (row, column) covers the `cellSize`
    /// square from `cellOrigin(row:column:)`. Two vertical and two horizontal grid lines,
    /// `gridLineWidth` pixels wide, are centred on the borders between cells. The cell of the
    /// last move is filled with `lastMoveColor` under the grid and the mark. An X is two
    /// strokes `strokeWidth` wide with round ends, along the diagonals of the square reaching
    /// `markReach` from the cell centre; an O is a ring `strokeWidth` wide just inside
    /// `ringRadius`. Marks are anti-aliased, so their edges blend with what is underneath.
    /// A won game has a `winLineColor` line `winLineWidth` wide through its line of three,
    /// reaching `winLineOverhang` beyond the end cells' centres. The `BoardStatusBand` takes
    /// the last rows.
    public enum Picture {
        /// Side of a cell in pixels.
        public static let cellSize = 100
        /// Space between the frame's edges and the board, and between the board and the status band.
        public static let margin = 10
        /// Width of a grid line in pixels; half of it lies on each side of the border between cells.
        public static let gridLineWidth = 4
        /// How far an X's strokes reach from the cell centre along each axis, in pixels.
        public static let markReach = 28.0
        /// Width of an X's strokes and of an O's ring, in pixels.
        public static let strokeWidth = 12.0
        /// Outer radius of an O's ring, in pixels.
        public static let ringRadius = 33.0
        /// Width of the line through a winning line of three, in pixels.
        public static let winLineWidth = 8.0
        /// How far the winning line reaches beyond the centres of its end cells, in pixels.
        public static let winLineOverhang = 40.0
        /// Frame width: the board and a margin on each side.
        public static let width = 2 * margin + 3 * cellSize
        /// Frame height: the board, a margin above and below it, and the status band.
        public static let height = 2 * margin + 3 * cellSize + BoardStatusBand.height

        /// Colour of the board and of the empty cells.
        public static let backgroundColor = RGB.white
        /// Colour of the grid lines.
        public static let gridColor = RGB(60, 60, 60)
        /// Colour of an X, the first player's mark.
        public static let xColor = RGB(215, 48, 39)
        /// Colour of an O, the second player's mark.
        public static let oColor = RGB(33, 102, 172)
        /// Background of the cell where the last move was played.
        public static let lastMoveColor = RGB(255, 230, 140)
        /// Colour of the line through a winning line of three.
        public static let winLineColor = RGB(40, 40, 40)

        /// The top-left pixel of cell (`row`, `column`).
        public static func cellOrigin(row: Int, column: Int) -> (x: Int, y: Int) {
            (margin + column * cellSize, margin + row * cellSize)
        }

        /// The centre of cell (`row`, `column`): a corner shared by four pixels, since
        /// `cellSize` is even. Pixel (`Int(x)`, `Int(y)`) lies just below and right of it.
        public static func cellCentre(row: Int, column: Int) -> Point {
            let origin = cellOrigin(row: row, column: column)
            return Point(Double(origin.x) + Double(cellSize) / 2, Double(origin.y) + Double(cellSize) / 2)
        }

        /// The colour `player`'s marks are drawn in.
        public static func color(of player: Player) -> RGB {
            player == .first ? xColor : oColor
        }
    }

    /// The board on white with a dark grid, red X and blue O marks, the last move's cell
    /// highlighted, a line through the winning three, and the status band below (see `Picture`
    /// for the geometry).
    public func picture(lastCell: (row: Int, column: Int)?, outcome: GameOutcome) -> Frame {
        var canvas = Canvas(width: Picture.width, height: Picture.height, background: Picture.backgroundColor)
        if let lastCell {
            let origin = Picture.cellOrigin(row: lastCell.row, column: lastCell.column)
            canvas.fillRect(x: origin.x, y: origin.y, width: Picture.cellSize, height: Picture.cellSize, color: Picture.lastMoveColor)
        }
        let board = 3 * Picture.cellSize
        for border in 1..<3 {
            let offset = Picture.margin + border * Picture.cellSize - Picture.gridLineWidth / 2
            canvas.fillRect(x: offset, y: Picture.margin, width: Picture.gridLineWidth, height: board, color: Picture.gridColor)
            canvas.fillRect(x: Picture.margin, y: offset, width: board, height: Picture.gridLineWidth, color: Picture.gridColor)
        }
        for row in 0..<3 {
            for column in 0..<3 {
                guard let owner = piece(row: row, column: column) else { continue }
                let centre = Picture.cellCentre(row: row, column: column)
                if owner == .first { drawX(at: centre, on: &canvas) } else { drawO(at: centre, on: &canvas) }
            }
        }
        if let (first, last) = winningLine {
            canvas.drawWinningLine(
                from: Picture.cellCentre(row: first / 3, column: first % 3),
                to: Picture.cellCentre(row: last / 3, column: last % 3),
                overhang: Picture.winLineOverhang, width: Picture.winLineWidth, color: Picture.winLineColor)
        }
        let status = BoardStatusBand.status(of: self, outcome: outcome) { String($0.mark) }
        BoardStatusBand.draw(status.text, swatch: status.side.map(Picture.color(of:)), left: Picture.margin, on: &canvas)
        return canvas.frame
    }

    /// The cell (`3 * row + column`) under pixel (`x`, `y`) of the picture, grid lines included,
    /// or `nil` outside the board.
    public static func action(atPixel x: Int, y: Int) -> Int? {
        let board = 0..<(3 * Picture.cellSize)
        let (boardX, boardY) = (x - Picture.margin, y - Picture.margin)
        guard board.contains(boardX), board.contains(boardY) else { return nil }
        return 3 * (boardY / Picture.cellSize) + boardX / Picture.cellSize
    }

    /// The first and last cell of the first line of three either side holds, if any.
    private var winningLine: (first: Int, last: Int)? {
        for line in Self.lines {
            for board in [firstPieces, secondPieces] where board & line == line {
                return (line.trailingZeroBitCount, UInt16.bitWidth - 1 - line.leadingZeroBitCount)
            }
        }
        return nil
    }

    /// Two diagonal strokes with round ends, crossing at `centre`.
    private func drawX(at centre: Point, on canvas: inout Canvas) {
        let reach = Picture.markReach
        let ends = [
            (Point(centre.x - reach, centre.y - reach), Point(centre.x + reach, centre.y + reach)),
            (Point(centre.x + reach, centre.y - reach), Point(centre.x - reach, centre.y + reach)),
        ]
        for (start, end) in ends {
            canvas.drawLine(from: start, to: end, width: Picture.strokeWidth, color: Picture.xColor, antialiased: true)
            for cap in [start, end] {
                canvas.fillCircle(centre: cap, radius: Picture.strokeWidth / 2, color: Picture.xColor, antialiased: true)
            }
        }
    }

    /// A ring around `centre`.
    private func drawO(at centre: Point, on canvas: inout Canvas) {
        canvas.strokeCircle(
            centre: centre, radius: Picture.ringRadius, width: Picture.strokeWidth, color: Picture.oColor, antialiased: true)
    }
}
