/// Where the plot sits inside a chart image, and the axes that map values to positions in it.
struct PlotArea {
    /// The plot's left edge, in pixels from the image's left.
    let left: Double
    /// The plot's top edge, in pixels from the image's top.
    let top: Double
    /// The plot's width in pixels.
    let width: Double
    /// The plot's height in pixels.
    let height: Double
    /// The horizontal axis.
    let xAxis: ChartAxis
    /// The vertical axis.
    let yAxis: ChartAxis

    /// The approximate width of one character of the 12-pixel label font, for layout.
    static let characterWidth = 7.0

    /// Lays out the plot of `series` in a canvas, inside the given margins; the left margin
    /// grows by the width of the y tick labels, and the axes get as many ticks as fit.
    init(
        series: [ChartSeries], canvasWidth: Double, canvasHeight: Double,
        marginTop: Double, marginBottom: Double, marginLeft: Double, marginRight: Double
    ) {
        let points = series.flatMap(\.plottablePoints)
        let bands = series.flatMap(\.plottableBand)
        let xs = points.map(\.x) + bands.map(\.x)
        let ys = points.map(\.y) + bands.flatMap { [$0.lower, $0.upper] }

        top = marginTop
        height = max(canvasHeight - marginTop - marginBottom, 20)
        let yAxis = ChartAxis(covering: ys, padding: 0.05, targetTickCount: Int(height / 50))
        let labelCharacters = yAxis.ticks.map { yAxis.label(for: $0).count }.max() ?? 1
        self.yAxis = yAxis
        left = marginLeft + Double(labelCharacters) * PlotArea.characterWidth + 10
        width = max(canvasWidth - left - marginRight, 20)

        // Fewer ticks while the widest x label would run into its neighbour.
        var tickCount = Int(width / 90)
        var xAxis = ChartAxis(covering: xs, padding: 0, targetTickCount: tickCount)
        while tickCount > 2, PlotArea.labelsOverlap(on: xAxis, width: width) {
            tickCount -= 1
            xAxis = ChartAxis(covering: xs, padding: 0, targetTickCount: tickCount)
        }
        self.xAxis = xAxis
    }

    /// The pixel position of the value (`x`, `y`), kept inside the plot.
    func position(x: Double, y: Double) -> (x: Double, y: Double) {
        let across = min(max(xAxis.fraction(of: x), 0), 1)
        let up = min(max(yAxis.fraction(of: y), 0), 1)
        return (left + across * width, top + (1 - up) * height)
    }

    /// Whether the widest tick label of `axis`, `width` pixels long, is wider than the gap
    /// between ticks.
    private static func labelsOverlap(on axis: ChartAxis, width: Double) -> Bool {
        let widest = axis.ticks.map { axis.label(for: $0).count }.max() ?? 0
        let gap = width * axis.step / (axis.upper - axis.lower)
        return Double(widest) * characterWidth + 12 > gap
    }
}
