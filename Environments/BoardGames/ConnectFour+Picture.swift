import Dojo
import Rendering

extension ConnectFour {
    /// The geometry and colours of ConnectFour's RGB picture, so tests and tools can compute
    /// which pixel shows what.
    ///
    /// The frame is `width` x `height` (480 x 456) pixels on `backgroundColor`. The board is a
    /// `boardColor` rectangle with its top-left corner at (`margin`, `margin`), made of 6 rows
    /// and 7 columns of `cellSize` squares; cell (row, column), row 0 at the top, starts at
    /// `cellOrigin(row:column:)`. Each cell has a round hole of `holeRadius` at its centre:
    /// `emptyHoleColor` when empty, else a disc in `firstColor` or `secondColor`. The disc of
    /// the last move is circled by a ring `lastMoveRingWidth` wide just inside
    /// `lastMoveRingRadius`, on the board around the hole. A won game has a `winLineColor` line
    /// `winLineWidth` wide through the centres of a line of four, reaching `winLineOverhang`
    /// beyond its end discs' centres. Holes, rings and lines are anti-aliased. The
    /// `BoardStatusBand` takes the last rows.
    public enum Picture {
        /// Side of a cell in pixels.
        public static let cellSize = 64
        /// Space between the frame's edges and the board, and between the board and the status band.
        public static let margin = 16
        /// Radius of a hole, and of the disc that fills it, in pixels.
        public static let holeRadius = 26.0
        /// Outer radius of the ring around the last move's disc, in pixels.
        public static let lastMoveRingRadius = 31.0
        /// Width of the ring around the last move's disc, in pixels.
        public static let lastMoveRingWidth = 4.0
        /// Width of the line through a winning line of four, in pixels.
        public static let winLineWidth = 8.0
        /// How far the winning line reaches beyond the centres of its end discs, in pixels.
        public static let winLineOverhang = 16.0
        /// Frame width: the board and a margin on each side.
        public static let width = 2 * margin + 7 * cellSize
        /// Frame height: the board, a margin above and below it, and the status band.
        public static let height = 2 * margin + 6 * cellSize + BoardStatusBand.height

        /// Colour around the board.
        public static let backgroundColor = RGB.white
        /// Colour of the board.
        public static let boardColor = RGB(25, 80, 190)
        /// Colour of an empty hole.
        public static let emptyHoleColor = RGB.white
        /// Colour of the first player's discs (X in text).
        public static let firstColor = RGB(220, 40, 40)
        /// Colour of the second player's discs (O in text).
        public static let secondColor = RGB(250, 205, 35)
        /// Colour of the ring around the last move's disc.
        public static let lastMoveColor = RGB(120, 255, 140)
        /// Colour of the line through a winning line of four.
        public static let winLineColor = RGB(30, 30, 30)

        /// The top-left pixel of cell (`row`, `column`), row 0 at the top.
        public static func cellOrigin(row: Int, column: Int) -> (x: Int, y: Int) {
            (margin + column * cellSize, margin + row * cellSize)
        }

        /// The centre of cell (`row`, `column`) and of its hole: a corner shared by four
        /// pixels, since `cellSize` is even. Pixel (`Int(x)`, `Int(y)`) lies just below and
        /// right of it.
        public static func cellCentre(row: Int, column: Int) -> Point {
            let origin = cellOrigin(row: row, column: column)
            return Point(Double(origin.x) + Double(cellSize) / 2, Double(origin.y) + Double(cellSize) / 2)
        }

        /// The colour of `player`'s discs.
        public static func color(of player: Player) -> RGB {
            player == .first ? firstColor : secondColor
        }

        /// The name the status band gives `player`: `Red` or `Yellow`.
        public static func name(of player: Player) -> String {
            player == .first ? "Red" : "Yellow"
        }
    }

    /// The blue board with white holes, red and yellow discs, a ring around the last move's
    /// disc, a line through the winning four, and the status band below (see `Picture` for the
    /// geometry).
    public func picture(lastCell: (row: Int, column: Int)?, outcome: GameOutcome) -> Frame {
        var canvas = Canvas(width: Picture.width, height: Picture.height, background: Picture.backgroundColor)
        canvas.fillRect(
            x: Picture.margin, y: Picture.margin, width: 7 * Picture.cellSize, height: 6 * Picture.cellSize,
            color: Picture.boardColor)
        for row in 0..<6 {
            for column in 0..<7 {
                let color = piece(row: row, column: column).map(Picture.color(of:)) ?? Picture.emptyHoleColor
                canvas.fillCircle(
                    centre: Picture.cellCentre(row: row, column: column), radius: Picture.holeRadius, color: color,
                    antialiased: true)
            }
        }
        if let lastCell {
            canvas.strokeCircle(
                centre: Picture.cellCentre(row: lastCell.row, column: lastCell.column),
                radius: Picture.lastMoveRingRadius, width: Picture.lastMoveRingWidth, color: Picture.lastMoveColor,
                antialiased: true)
        }
        if let (first, last) = winningLine {
            canvas.drawWinningLine(
                from: Picture.cellCentre(row: first.row, column: first.column),
                to: Picture.cellCentre(row: last.row, column: last.column),
                overhang: Picture.winLineOverhang, width: Picture.winLineWidth, color: Picture.winLineColor)
        }
        let status = BoardStatusBand.status(of: self, outcome: outcome, name: Picture.name(of:))
        BoardStatusBand.draw(status.text, swatch: status.side.map(Picture.color(of:)), left: Picture.margin, on: &canvas)
        return canvas.frame
    }

    /// The column under pixel (`x`, `y`) of the picture, full or not, or `nil` outside the board.
    public static func action(atPixel x: Int, y: Int) -> Int? {
        let (boardX, boardY) = (x - Picture.margin, y - Picture.margin)
        guard (0..<(7 * Picture.cellSize)).contains(boardX), (0..<(6 * Picture.cellSize)).contains(boardY) else {
            return nil
        }
        return boardX / Picture.cellSize
    }

    /// The end cells of the first line of four (a window) either side holds, if any; a longer
    /// line shows as its first four.
    private var winningLine: (first: (row: Int, column: Int), last: (row: Int, column: Int))? {
        for window in Self.windows {
            for board in [firstPieces, secondPieces] where board & window == window {
                let (low, high) = (window.trailingZeroBitCount, UInt64.bitWidth - 1 - window.leadingZeroBitCount)
                return ((5 - low % 7, low / 7), (5 - high % 7, high / 7))
            }
        }
        return nil
    }
}
