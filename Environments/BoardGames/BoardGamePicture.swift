import Dojo
import Rendering

// The parts the board games' pictures share: the status band and the line through a win.

/// The band along the bottom of a board game's picture that says whose turn it is or how the
/// game ended: a swatch of the side's colour (none for a draw), then a line of text such as
/// `X to move`, `Red wins`, `O wins by forfeit` (the other side made an illegal move) or `Draw`.
///
/// The band spans the whole frame width and its last `height` rows, on the picture's
/// background; the text is drawn in `BitmapFont` at `textScale`.
public enum BoardStatusBand {
    /// Height of the band in pixels.
    public static let height = 40
    /// The `BitmapFont` scale of the text: 10 x 14 pixels per glyph.
    public static let textScale = 2
    /// Colour of the text and of the swatch's outline.
    public static let textColor = RGB(40, 40, 40)
    /// Radius of the swatch disc in pixels; its centre is `swatchRadius` right of the band's left
    /// edge (the board's left edge) and halfway down the band.
    public static let swatchRadius = 9.0
    /// Horizontal space between the swatch's left edge and the text's left edge, in pixels.
    public static let textOffset = 26

    /// The text of the band and the side whose colour the swatch shows, for `game` as
    /// `outcome` left it; `name` gives a side's name (`X` or `Red`, say).
    static func status<Game: BoardGame>(
        of game: Game, outcome: GameOutcome, name: (Player) -> String
    ) -> (text: String, side: Player?) {
        switch outcome {
        case .ongoing: ("\(name(game.currentPlayer)) to move", game.currentPlayer)
        case .draw: ("Draw", nil)
        case .win(let winner) where game.outcome == .ongoing: ("\(name(winner)) wins by forfeit", winner)
        case .win(let winner): ("\(name(winner)) wins", winner)
        }
    }

    /// Draws the band into the last `height` rows of `canvas`, starting `left` pixels from the
    /// left edge: the swatch in `swatch` (none when `nil`), then `text`.
    static func draw(_ text: String, swatch: RGB?, left: Int, on canvas: inout Canvas) {
        let top = canvas.height - height
        let middle = Double(top) + Double(height) / 2
        if let swatch {
            let centre = Point(Double(left) + swatchRadius, middle)
            canvas.fillCircle(centre: centre, radius: swatchRadius, color: swatch, antialiased: true)
            canvas.strokeCircle(centre: centre, radius: swatchRadius, width: 1.5, color: textColor, antialiased: true)
        }
        let textTop = top + (height - BitmapFont.glyphHeight * textScale) / 2
        canvas.drawText(text, at: Point(left + (swatch == nil ? 0 : textOffset), textTop), color: textColor, scale: textScale)
    }
}

extension Canvas {
    /// Paints the line through a finished game's winning cells: from the centre of its first
    /// cell to that of its last, reaching `overhang` pixels beyond each, `width` wide with round
    /// ends, anti-aliased.
    mutating func drawWinningLine(from start: Point, to end: Point, overhang: Double, width: Double, color: RGB) {
        let (dx, dy) = (end.x - start.x, end.y - start.y)
        let length = (dx * dx + dy * dy).squareRoot()
        let (ux, uy) = (dx / length * overhang, dy / length * overhang)
        let ends = [Point(start.x - ux, start.y - uy), Point(end.x + ux, end.y + uy)]
        drawLine(from: ends[0], to: ends[1], width: width, color: color, antialiased: true)
        for point in ends {
            fillCircle(centre: point, radius: width / 2, color: color, antialiased: true)
        }
    }
}
