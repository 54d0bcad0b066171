extension Canvas {
    /// Paints the pixels whose centres lie within `radius` of `centre` (distance ≤ radius).
    ///
    /// To match pygame's `gfxdraw.filled_circle(x, y, r)`, which centres the circle on pixel
    /// (x, y), pass `Point.centre(ofPixel: x, y)` and radius `r` (pygame's disc is then the
    /// same set of pixels: those with (i - x)² + (j - y)² ≤ r²).
    ///
    /// With `antialiased`, edge pixels blend by the fraction of their area inside the circle.
    ///
    /// - Precondition: `radius` is not negative.
    /// - Complexity: O(radius) spans.
    public mutating func fillCircle(centre: Point, radius: Double, color: some CanvasColor, antialiased: Bool = false) {
        precondition(radius >= 0, "expected a non-negative radius, got \(radius)")
        let rgba = color.rgba
        if antialiased {
            fillCoverage(top: centre.y - radius, bottom: centre.y + radius, color: rgba) { y, line in
                let dy = y - centre.y
                guard abs(dy) < radius else { return }
                let half = (radius * radius - dy * dy).squareRoot()
                line += [centre.x - half, centre.x + half]
            }
            return
        }
        forEachRow(centre: centre, radius: radius) { canvas, row, dy in
            let half = (radius * radius - dy * dy).squareRoot()
            canvas.fillClosedBand(row: row, left: centre.x - half, right: centre.x + half, color: rgba)
        }
    }

    /// Paints a ring `width` pixels wide just inside the circle of `radius` around `centre`:
    /// the pixels whose centres lie at a distance d with radius - width < d ≤ radius.
    ///
    /// With `antialiased`, pixels on both rims blend by the fraction of their area in the ring.
    ///
    /// - Precondition: `radius` is not negative and `width` is positive.
    public mutating func strokeCircle(
        centre: Point, radius: Double, width: Double = 1, color: some CanvasColor, antialiased: Bool = false
    ) {
        precondition(radius >= 0, "expected a non-negative radius, got \(radius)")
        precondition(width > 0, "expected a positive line width, got \(width)")
        let rgba = color.rgba
        let inner = radius - width
        if antialiased {
            fillCoverage(top: centre.y - radius, bottom: centre.y + radius, color: rgba) { y, line in
                let dy = y - centre.y
                guard abs(dy) < radius else { return }
                let outerHalf = (radius * radius - dy * dy).squareRoot()
                guard inner > 0, abs(dy) < inner else {
                    line += [centre.x - outerHalf, centre.x + outerHalf]
                    return
                }
                let innerHalf = (inner * inner - dy * dy).squareRoot()
                line += [centre.x - outerHalf, centre.x - innerHalf, centre.x + innerHalf, centre.x + outerHalf]
            }
            return
        }
        forEachRow(centre: centre, radius: radius) { canvas, row, dy in
            let outerHalf = (radius * radius - dy * dy).squareRoot()
            guard inner >= 0, abs(dy) <= inner else {
                canvas.fillClosedBand(row: row, left: centre.x - outerHalf, right: centre.x + outerHalf, color: rgba)
                return
            }
            let innerHalf = (inner * inner - dy * dy).squareRoot()
            // Left arc [outer, inner) and right arc (inner, outer]; the inner circle is open.
            let limit = Double(canvas.width) + 1
            canvas.fillSpan(
                row: row,
                from: Canvas.firstPixel(atOrAfter: max(centre.x - outerHalf, -1)),
                through: Canvas.lastPixel(before: min(max(centre.x - innerHalf, -1), limit)),
                color: rgba
            )
            canvas.fillSpan(
                row: row,
                from: Canvas.firstPixel(after: min(max(centre.x + innerHalf, -1), limit)),
                through: Canvas.lastPixel(atOrBefore: min(centre.x + outerHalf, limit)),
                color: rgba
            )
        }
    }

    /// Calls `body` for each frame row whose centre is within `radius` of `centre` vertically,
    /// with the vertical offset of the row centre from `centre`.
    private mutating func forEachRow(
        centre: Point, radius: Double, _ body: (inout Canvas, Int, Double) -> Void
    ) {
        guard centre.x.isFinite, centre.y.isFinite, radius.isFinite else { return }
        let firstRow = max(Canvas.firstPixel(atOrAfter: max(centre.y - radius, -1)), 0)
        let lastRow = min(Canvas.lastPixel(atOrBefore: min(centre.y + radius, Double(frame.height) + 1)), frame.height - 1)
        guard firstRow <= lastRow else { return }
        for row in firstRow...lastRow {
            body(&self, row, Double(row) + 0.5 - centre.y)
        }
    }

    /// Paints the pixels of `row` whose centres lie in the closed band [`left`, `right`].
    private mutating func fillClosedBand(row: Int, left: Double, right: Double, color: RGBA) {
        let first = Canvas.firstPixel(atOrAfter: max(left, -1))
        let last = Canvas.lastPixel(atOrBefore: min(right, Double(frame.width) + 1))
        fillSpan(row: row, from: first, through: last, color: color)
    }

    /// The first pixel index whose centre is at least `coordinate`.
    static func firstPixel(atOrAfter coordinate: Double) -> Int {
        Int((coordinate - 0.5).rounded(.up))
    }

    /// The last pixel index whose centre is strictly less than `coordinate`.
    static func lastPixel(before coordinate: Double) -> Int {
        Int((coordinate - 0.5).rounded(.up)) - 1
    }
}
