extension Canvas {
    /// Paints the pixels in columns `x ..< x + width` and rows `y ..< y + height`.
    ///
    /// - Precondition: `width` and `height` are not negative.
    public mutating func fillRect(x: Int, y: Int, width: Int, height: Int, color: some CanvasColor) {
        precondition(width >= 0 && height >= 0, "expected a non-negative rectangle size, got \(width) x \(height)")
        let top = max(y, 0)
        let bottom = min(y + height, frame.height)
        guard width > 0, top < bottom else { return }
        let rgba = color.rgba
        for row in top..<bottom {
            fillSpan(row: row, from: x, through: x + width - 1, color: rgba)
        }
    }

    /// Paints the border of the rectangle `x ..< x + width`, `y ..< y + height`: the outermost
    /// `lineWidth` pixels on each side, inside the rectangle. Each pixel is painted once, so a
    /// translucent colour blends evenly.
    ///
    /// - Precondition: `width`, `height` are not negative and `lineWidth` is positive.
    public mutating func strokeRect(
        x: Int, y: Int, width: Int, height: Int, lineWidth: Int = 1, color: some CanvasColor
    ) {
        precondition(lineWidth > 0, "expected a positive line width, got \(lineWidth)")
        precondition(width >= 0 && height >= 0, "expected a non-negative rectangle size, got \(width) x \(height)")
        let rgba = color.rgba
        if 2 * lineWidth >= width || 2 * lineWidth >= height {
            fillRect(x: x, y: y, width: width, height: height, color: rgba)
            return
        }
        fillRect(x: x, y: y, width: width, height: lineWidth, color: rgba)
        fillRect(x: x, y: y + height - lineWidth, width: width, height: lineWidth, color: rgba)
        let innerHeight = height - 2 * lineWidth
        fillRect(x: x, y: y + lineWidth, width: lineWidth, height: innerHeight, color: rgba)
        fillRect(x: x + width - lineWidth, y: y + lineWidth, width: lineWidth, height: innerHeight, color: rgba)
    }

    /// Paints the pixels whose centres lie in the rectangle with top-left corner `origin` and
    /// the given size (boundary rule as for every shape, see `Canvas`).
    ///
    /// - Precondition: `width` and `height` are not negative.
    public mutating func fillRect(origin: Point, width: Double, height: Double, color: some CanvasColor) {
        precondition(width >= 0 && height >= 0, "expected a non-negative rectangle size, got \(width) x \(height)")
        let first = max(Canvas.firstPixel(after: max(origin.y, -1)), 0)
        let last = min(Canvas.lastPixel(atOrBefore: min(origin.y + height, Double(frame.height) + 1)), frame.height - 1)
        guard first <= last else { return }
        let rgba = color.rgba
        for row in first...last {
            fillBand(row: row, left: origin.x, right: origin.x + width, color: rgba)
        }
    }
}
