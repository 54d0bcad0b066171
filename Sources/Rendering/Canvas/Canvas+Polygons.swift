extension Canvas {
    /// Paints the pixels whose centres lie inside the polygon through `points`.
    ///
    /// The polygon is closed automatically (last point back to the first). It may be convex or
    /// concave; a self-intersecting outline is filled by the even-odd rule. Boundary centres
    /// follow the rule in `Canvas`'s documentation (right and bottom edges included). This is
    /// the primitive for rotated shapes such as CartPole's pole.
    ///
    /// With `antialiased`, edge pixels instead blend the colour by the fraction of their area
    /// inside the polygon (see `Canvas`), like pygame's `aapolygon` over `filled_polygon`.
    ///
    /// - Complexity: O(rows spanned x points).
    public mutating func fillPolygon(_ points: [Point], color: some CanvasColor, antialiased: Bool = false) {
        guard points.count >= 3 else { return }
        let rgba = color.rgba
        if antialiased {
            let ys = points.map(\.y)
            fillCoverage(top: ys.min()!, bottom: ys.max()!, color: rgba) { y, line in
                Canvas.polygonIntervals(points, y: y, into: &line)
            }
            return
        }
        var minY = Double.infinity
        var maxY = -Double.infinity
        for point in points {
            minY = min(minY, point.y)
            maxY = max(maxY, point.y)
        }
        guard minY.isFinite, maxY.isFinite else { return }
        let firstRow = max(Canvas.firstPixel(after: max(minY, -1)), 0)
        let lastRow = min(Canvas.lastPixel(atOrBefore: min(maxY, Double(frame.height) + 1)), frame.height - 1)
        guard firstRow <= lastRow else { return }
        var crossings: [Double] = []
        crossings.reserveCapacity(points.count)
        for row in firstRow...lastRow {
            let centreY = Double(row) + 0.5
            crossings.removeAll(keepingCapacity: true)
            var previous = points[points.count - 1]
            for point in points {
                // An edge counts when the centre line lies in (lower y, higher y], which puts
                // a centre on a top edge outside the shape and one on a bottom edge inside.
                if (previous.y < centreY) != (point.y < centreY) {
                    let t = (centreY - previous.y) / (point.y - previous.y)
                    crossings.append(previous.x + t * (point.x - previous.x))
                }
                previous = point
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                fillBand(row: row, left: crossings[index], right: crossings[index + 1], color: rgba)
                index += 2
            }
        }
    }

    /// Paints the outline of the closed polygon through `points` with lines `width` pixels wide
    /// centred on its edges, with round joins at the corners.
    ///
    /// A translucent colour is blended once per segment and join, so it looks darker where
    /// they overlap at the corners.
    ///
    /// - Precondition: `width` is positive.
    public mutating func strokePolygon(
        _ points: [Point], width: Double = 1, color: some CanvasColor, antialiased: Bool = false
    ) {
        precondition(width > 0, "expected a positive line width, got \(width)")
        guard let last = points.last else { return }
        let rgba = color.rgba
        var previous = last
        for point in points {
            drawLine(from: previous, to: point, width: width, color: rgba, antialiased: antialiased)
            if width > 1 {
                fillCircle(centre: point, radius: width / 2, color: rgba, antialiased: antialiased)
            }
            previous = point
        }
    }
}
