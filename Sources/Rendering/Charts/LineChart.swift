/// A line chart of one or more series, written as a standalone SVG document, for learning
/// curves such as a run's `learning_curve.svg`.
///
/// ```swift
/// let chart = LineChart(title: "PPO on CartPole-v1", xLabel: "environment steps",
///                       yLabel: "episodic return", series: [training, evaluation])
/// try chart.write(to: "runs/ppo/learning_curve.svg")
/// ```
///
/// The chart has a white background, a framed plot with grid lines at "nice" tick values
/// (1, 2 or 5 times a power of ten) labelled compactly ("25k", "1M"), the title above, the
/// axis labels below and left (rotated), and a legend of the named series to the right. Each
/// series draws its band first (`<path class="band">`), then its line as exactly one
/// `<path class="curve">` once it has a finite point; a series with a single point draws a
/// zero-length curve (a dot with its round line cap) and a marker circle over it so it shows.
///
/// The axes cover every drawable point of the lines and bands, with 5% of the span added
/// above and below on y. Points whose x or y is NaN, infinite or beyond ±1e300 are skipped,
/// so the output never holds "nan" or "inf". Without any drawable point the axes span 0 to 1.
public struct LineChart: Sendable, Hashable {
    /// The heading above the plot; none is drawn when empty.
    public var title: String
    /// The label under the x axis; none is drawn when empty.
    public var xLabel: String
    /// The label beside the y axis, drawn rotated; none is drawn when empty.
    public var yLabel: String
    /// The image width in pixels; widths under 320 are drawn as 320 so the plot keeps room.
    public var width: Int
    /// The image height in pixels; heights under 200 are drawn as 200 so the plot keeps room.
    public var height: Int
    /// The curves, drawn in order (later ones on top) and listed in this order in the legend.
    public var series: [ChartSeries]

    /// Creates a chart of `series`, `width` x `height` pixels.
    public init(
        title: String = "", xLabel: String = "", yLabel: String = "",
        width: Int = 800, height: Int = 480, series: [ChartSeries] = []
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
        self.series = series
    }

    /// The chart as a standalone SVG 1.1 document.
    ///
    /// - Complexity: O(n) in the number of points over all series.
    public func svg() -> String {
        let size = (width: max(width, 320), height: max(height, 200))
        let legend = ChartLegend(series: series, maximumWidth: Double(size.width) * 0.3)
        let area = PlotArea(
            series: series, canvasWidth: Double(size.width), canvasHeight: Double(size.height),
            marginTop: title.isEmpty ? 20 : 44, marginBottom: xLabel.isEmpty ? 34 : 56,
            marginLeft: yLabel.isEmpty ? 12 : 36, marginRight: 20 + legend.width
        )
        var elements = [
            SVGElement.make("rect", [
                "class": "background", "x": "0", "y": "0",
                "width": String(size.width), "height": String(size.height), "fill": "#ffffff", "stroke": "none",
            ]),
        ]
        elements += gridElements(in: area)
        elements += series.flatMap { bandElements(of: $0, in: area) }
        elements += series.flatMap { curveElements(of: $0, in: area) }
        elements += frameAndLabelElements(in: area, canvasWidth: Double(size.width))
        elements += legend.elements(left: area.left + area.width + 16, top: area.top + 8)
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(size.width)\" "
            + "height=\"\(size.height)\" viewBox=\"0 0 \(size.width) \(size.height)\" "
            + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        return header + elements.joined(separator: "\n") + "\n</svg>\n"
    }

    /// Writes `svg()` to the file at `path`, atomically: the file appears whole or not at all.
    ///
    /// - Throws: `ImageFileError.cannotWrite` naming `path` if the file cannot be written.
    public func write(to path: String) throws(ImageFileError) {
        try FileBytes.writeAtomically(Array(svg().utf8), to: path)
    }
}
