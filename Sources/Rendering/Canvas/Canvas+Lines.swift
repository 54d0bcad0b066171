extension Canvas {
    /// Paints a straight line `width` pixels wide from `start` to `end`: the pixels whose
    /// centres lie in the rectangle that has the segment as its centre line (butt ends, no
    /// caps beyond the end points).
    ///
    /// A one-pixel line along the integer row y = n covers row n, and along the integer column
    /// x = n covers column n; from x = a to x = b it covers columns a ..< b. To reach the last
    /// column as well, end the line half a pixel further or use `fillRect`.
    /// A diagonal line of width 1 is 8-connected: at least one pixel per row and column it
    /// crosses.
    ///
    /// With `antialiased`, pixels along the edges blend by how much of them the line covers.
    ///
    /// - Precondition: `width` is positive.
    public mutating func drawLine(
        from start: Point, to end: Point, width: Double = 1, color: some CanvasColor, antialiased: Bool = false
    ) {
        precondition(width > 0, "expected a positive line width, got \(width)")
        let dx = end.x - start.x
        let dy = end.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return }
        // Half the width along the unit normal (-dy, dx) / length.
        let nx = -dy / length * width / 2
        let ny = dx / length * width / 2
        fillPolygon(
            [
                Point(start.x + nx, start.y + ny),
                Point(end.x + nx, end.y + ny),
                Point(end.x - nx, end.y - ny),
                Point(start.x - nx, start.y - ny),
            ],
            color: color,
            antialiased: antialiased
        )
    }

    /// Paints the line through `points` in order (not closed), `width` pixels wide, with round
    /// joins where segments meet.
    ///
    /// - Precondition: `width` is positive.
    public mutating func drawPolyline(
        _ points: [Point], width: Double = 1, color: some CanvasColor, antialiased: Bool = false
    ) {
        precondition(width > 0, "expected a positive line width, got \(width)")
        let rgba = color.rgba
        for index in points.indices.dropFirst() {
            drawLine(from: points[index - 1], to: points[index], width: width, color: rgba, antialiased: antialiased)
            if width > 1, index + 1 < points.count {
                fillCircle(centre: points[index], radius: width / 2, color: rgba, antialiased: antialiased)
            }
        }
    }
}
