extension Canvas {
    /// Sub-rows sampled per pixel row by anti-aliased shapes.
    static let subRows = 4

    /// Paints an anti-aliased shape: each pixel blends `color` in proportion to the part of it
    /// the shape covers, measured on `subRows` evenly spaced horizontal lines through the
    /// pixel, each with the exact length of its overlap. A pixel fully inside gets `color`
    /// exactly (after its own alpha), so flat interiors stay flat.
    ///
    /// - Parameters:
    ///   - top: The smallest y the shape reaches.
    ///   - bottom: The largest y the shape reaches.
    ///   - intervals: Appends the inside intervals `[start, end]` of the horizontal line at a
    ///     given y to the array, as consecutive start and end values, sorted.
    mutating func fillCoverage(
        top: Double, bottom: Double, color: RGBA, intervals: (Double, inout [Double]) -> Void
    ) {
        guard top <= bottom, top.isFinite, bottom.isFinite, color.alpha > 0 else { return }
        let firstRow = max(Int(max(top, -1).rounded(.down)), 0)
        let lastRow = min(Int(min(bottom, Double(height) + 1).rounded(.up)) - 1, height - 1)
        guard firstRow <= lastRow else { return }
        var coverage = [Double](repeating: 0, count: width + 1)
        var line: [Double] = []
        for row in firstRow...lastRow {
            var (lowest, highest) = (width, -1)
            for step in 0..<Canvas.subRows {
                line.removeAll(keepingCapacity: true)
                intervals(Double(row) + (Double(step) + 0.5) / Double(Canvas.subRows), &line)
                var index = 0
                while index + 1 < line.count {
                    let start = min(max(line[index], 0), Double(width))
                    let end = min(max(line[index + 1], 0), Double(width))
                    index += 2
                    guard start < end else { continue }
                    let (first, last) = (Int(start), min(Int(end), width - 1))
                    let weight = 1 / Double(Canvas.subRows)
                    if first == last {
                        coverage[first] += (end - start) * weight
                    } else {
                        coverage[first] += (Double(first + 1) - start) * weight
                        for column in (first + 1)..<last { coverage[column] += weight }
                        coverage[last] += (end - Double(last)) * weight
                    }
                    (lowest, highest) = (min(lowest, first), max(highest, last))
                }
            }
            guard lowest <= highest else { continue }
            // Paint runs of equal opacity as one span, so a wide interior costs one call.
            var runStart = lowest
            var runAlpha = Canvas.alpha(color.alpha, coverage[lowest])
            for column in lowest...highest {
                let alpha = Canvas.alpha(color.alpha, coverage[column])
                coverage[column] = 0
                if alpha != runAlpha {
                    fillSpan(row: row, from: runStart, through: column - 1, color: RGBA(color.rgb, alpha: runAlpha))
                    (runStart, runAlpha) = (column, alpha)
                }
            }
            fillSpan(row: row, from: runStart, through: highest, color: RGBA(color.rgb, alpha: runAlpha))
        }
    }

    /// `alpha` scaled by the covered fraction `coverage` (at most 1), rounded.
    private static func alpha(_ alpha: UInt8, _ coverage: Double) -> UInt8 {
        UInt8((Double(alpha) * min(coverage, 1)).rounded())
    }

    /// Appends the inside intervals of the line at `y` for the polygon through `points`
    /// (even-odd rule), sorted.
    static func polygonIntervals(_ points: [Point], y: Double, into line: inout [Double]) {
        var previous = points[points.count - 1]
        for point in points {
            if (previous.y < y) != (point.y < y) {
                line.append(previous.x + (y - previous.y) / (point.y - previous.y) * (point.x - previous.x))
            }
            previous = point
        }
        line.sort()
        if line.count % 2 == 1 { line.removeLast() }
    }
}
