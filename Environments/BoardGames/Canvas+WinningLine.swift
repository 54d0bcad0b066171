import Rendering

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
