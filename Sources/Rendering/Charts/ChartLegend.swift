/// The key of a chart: one row per named series with a sample of its line (and band and
/// marker, when it has them) beside its name.
struct ChartLegend {
    /// The series listed, with the name as shown (shortened with "…" when too long).
    let entries: [(name: String, series: ChartSeries)]
    /// The room the legend takes, in pixels; 0 when no series has a name.
    let width: Double

    /// The height of one row, in pixels.
    private static let rowHeight = 20.0
    /// The width of a line sample plus the gap before the name, in pixels.
    private static let sampleWidth = 30.0

    /// The legend of the named ones among `series`, at most `maximumWidth` pixels wide.
    init(series: [ChartSeries], maximumWidth: Double) {
        let characters = max(Int((maximumWidth - 16 - ChartLegend.sampleWidth) / PlotArea.characterWidth), 4)
        entries = series.filter { !$0.name.isEmpty }.map { series in
            (name: SVGElement.shortened(series.name, toCharacters: characters), series: series)
        }
        let longest = entries.map(\.name.count).max()
        width = longest.map { 16 + ChartLegend.sampleWidth + Double($0) * PlotArea.characterWidth } ?? 0
    }

    /// The legend's elements with its first row's line sample starting at (`left`, `top`).
    func elements(left: Double, top: Double) -> [String] {
        entries.enumerated().flatMap { index, entry in
            let y = top + Double(index) * ChartLegend.rowHeight
            let color = SVGElement.hex(entry.series.color)
            var row: [String] = []
            if entry.series.band != nil {
                row.append(SVGElement.make("rect", [
                    "class": "legend-band", "x": ChartValue.coordinate(left), "y": ChartValue.coordinate(y - 6),
                    "width": "24", "height": "12", "fill": SVGElement.tint(entry.series.color),
                ]))
            }
            row.append(SVGElement.make("line", [
                "class": "legend-line", "x1": ChartValue.coordinate(left), "y1": ChartValue.coordinate(y),
                "x2": ChartValue.coordinate(left + 24), "y2": ChartValue.coordinate(y), "stroke": color,
                "stroke-width": "2", "stroke-dasharray": entry.series.lineStyle == .dashed ? "7 4" : "none",
            ]))
            if entry.series.showsMarkers {
                row.append(SVGElement.make("circle", [
                    "class": "legend-marker", "cx": ChartValue.coordinate(left + 12), "cy": ChartValue.coordinate(y),
                    "r": "3.5", "fill": color, "stroke": "#ffffff", "stroke-width": "1",
                ]))
            }
            row.append(SVGElement.make("text", [
                "class": "legend-label", "x": ChartValue.coordinate(left + ChartLegend.sampleWidth),
                "y": ChartValue.coordinate(y + 4), "fill": "#222222",
            ], text: entry.name))
            return row
        }
    }
}
