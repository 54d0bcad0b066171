/// One named curve of a `LineChart`: points joined by a line, with an optional shaded band.
///
/// The points are parallel arrays: point `i` is (`xs[i]`, `ys[i]`). A band gives, for the same
/// xs, a lower and an upper value; the chart fills the area between them in the series'
/// colour, translucent and under the line, which is how a mean over seeds is shown with the
/// spread of the seeds around it (see `aggregating(_:name:color:sampleCount:)`).
///
/// ```swift
/// let training = ChartSeries(name: "episodic return", xs: steps, ys: returns, color: ChartSeries.palette[0])
/// let evaluation = ChartSeries(name: "evaluation", xs: evalSteps, ys: evalReturns,
///                              color: ChartSeries.palette[1], lineStyle: .dashed, showsMarkers: true)
/// ```
///
/// Points whose x or y is not finite are skipped when drawn, as are band values that are not.
public struct ChartSeries: Sendable, Hashable {
    /// How the line between points is stroked.
    public enum LineStyle: Sendable, Hashable {
        /// A continuous line.
        case solid
        /// A line of short dashes, to tell a second kind of measurement apart.
        case dashed
    }

    /// Lower and upper values at each of the series' xs, filled between under the line.
    public struct Band: Sendable, Hashable {
        /// The band's bottom edge, one value per x.
        public var lower: [Double]
        /// The band's top edge, one value per x.
        public var upper: [Double]

        /// Creates the band between `lower` and `upper`.
        ///
        /// - Precondition: `lower` and `upper` have the same count.
        public init(lower: [Double], upper: [Double]) {
            precondition(lower.count == upper.count,
                          "expected as many upper values as lower values (\(lower.count)), got \(upper.count)")
            self.lower = lower
            self.upper = upper
        }
    }

    /// The name shown in the legend; a series with an empty name is left out of the legend.
    public var name: String
    /// The points' horizontal values, such as environment steps.
    public var xs: [Double]
    /// The points' vertical values, such as episodic returns.
    public var ys: [Double]
    /// The colour of the line, its markers and its band.
    public var color: RGB
    /// The shaded range around the line, if any; its values line up with `xs`.
    public var band: Band?
    /// Whether the line is solid or dashed.
    public var lineStyle: LineStyle
    /// Whether each point also gets a small filled circle, as suits sparse measurements such as
    /// periodic evaluations.
    public var showsMarkers: Bool

    /// Creates a series named `name` through the points (`xs[i]`, `ys[i]`).
    ///
    /// - Precondition: `xs` and `ys` have the same count, and so does `band` if given.
    public init(
        name: String, xs: [Double], ys: [Double], color: RGB, band: Band? = nil,
        lineStyle: LineStyle = .solid, showsMarkers: Bool = false
    ) {
        precondition(xs.count == ys.count, "expected as many ys as xs (\(xs.count)), got \(ys.count)")
        if let band {
            precondition(band.lower.count == xs.count,
                          "expected a band with one value per x (\(xs.count)), got \(band.lower.count)")
        }
        self.name = name
        self.xs = xs
        self.ys = ys
        self.color = color
        self.band = band
        self.lineStyle = lineStyle
        self.showsMarkers = showsMarkers
    }

    /// Ten distinct colours (matplotlib's "tab10"), for giving each series of a chart its own.
    public static let palette: [RGB] = [
        RGB(31, 119, 180), RGB(255, 127, 14), RGB(44, 160, 44), RGB(214, 39, 40), RGB(148, 103, 189),
        RGB(140, 86, 75), RGB(227, 119, 194), RGB(127, 127, 127), RGB(188, 189, 34), RGB(23, 190, 207),
    ]
}

extension ChartSeries {
    /// The points a chart can draw, in order: those whose x and y are both plottable.
    var plottablePoints: [(x: Double, y: Double)] {
        zip(xs, ys).filter { ChartValue.isPlottable($0.0) && ChartValue.isPlottable($0.1) }.map { (x: $0.0, y: $0.1) }
    }

    /// The band's drawable columns, in order: those whose x, lower and upper are all plottable.
    var plottableBand: [(x: Double, lower: Double, upper: Double)] {
        guard let band else { return [] }
        return zip(xs, zip(band.lower, band.upper))
            .map { (x: $0.0, lower: $0.1.0, upper: $0.1.1) }
            .filter { ChartValue.isPlottable($0.x) && ChartValue.isPlottable($0.lower) && ChartValue.isPlottable($0.upper) }
    }
}
