import Rendering
import Testing

@Suite("LineChart")
struct LineChartTests {
    @Test("the document is well-formed SVG 1.1 with the namespace, size and viewBox asked for")
    func document() throws {
        let svg = LineChart(width: 640, height: 360, series: [line("a", xs: [0, 1], ys: [0, 1])]).svg()
        #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        let root = try #require(try ParsedSVG(svg).elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["version"] == "1.1")
        #expect(root.attributes["width"] == "640")
        #expect(root.attributes["height"] == "360")
        #expect(root.attributes["viewBox"] == "0 0 640 360")
        let background = try #require(try ParsedSVG(svg).elements(ofClass: "background").first)
        #expect(background.attributes["fill"] == "#ffffff")
        #expect(background.number("width") == 640)
    }

    @Test("each series with a finite point draws exactly one curve, and every point lies in the frame")
    func oneCurvePerSeriesInsideFrame() throws {
        let series = [
            line("steps", xs: [0, 10_000, 20_000, 30_000], ys: [-50, 120, 80, 200]),
            line("with gaps", xs: [5_000, .nan, 15_000, 25_000], ys: [10, 20, .infinity, 150]),
            line("lone", xs: [12_000], ys: [60]),
            ChartSeries(name: "banded", xs: [0, 15_000, 30_000], ys: [0, 50, 100], color: RGB(9, 9, 9),
                        band: .init(lower: [-20, 30, 90], upper: [20, 70, 260])),
        ]
        let parsed = try ParsedSVG(LineChart(series: series).svg())
        let curves = parsed.elements(ofClass: "curve")
        #expect(curves.count == series.count)
        #expect(curves.map { $0.pathPoints.count } == [4, 2, 2, 3])
        let frame = try #require(parsed.elements(ofClass: "frame").first)
        let xs = frame.number("x")...(frame.number("x") + frame.number("width"))
        let ys = frame.number("y")...(frame.number("y") + frame.number("height"))
        let bands = parsed.elements(ofClass: "band")
        #expect(bands.count == 1)
        for point in (curves + bands).flatMap(\.pathPoints) {
            #expect(xs.contains(point.x) && ys.contains(point.y), "\(point) outside \(xs) x \(ys)")
        }
        // The band reaches 260, above every line point, so it sets the top of the y range.
        let bandTop = try #require(bands[0].pathPoints.map(\.y).min())
        let curveTop = try #require(curves.flatMap(\.pathPoints).map(\.y).min())
        #expect(bandTop < curveTop)
    }

    @Test("tick labels step by 1, 2 or 5 times a power of ten on both axes")
    func niceTicks() throws {
        for (xEnd, yEnd) in [(1.0, 1.0), (50_000, 473), (1_000_000, -0.37), (3_000_000, 12_345)] {
            let parsed = try ParsedSVG(LineChart(series: [line("a", xs: [0, xEnd], ys: [0, yEnd])]).svg())
            let labels = parsed.elements(ofClass: "tick-label")
            let xLabels = labels.filter { $0.attributes["text-anchor"] == "middle" }.map(\.text)
            let yLabels = labels.filter { $0.attributes["text-anchor"] == "end" }.map(\.text)
            for axisLabels in [xLabels, yLabels] {
                let values = try axisLabels.map { try #require(value(ofLabel: $0), "label \($0)") }
                #expect(values.count >= 3, "\(axisLabels)")
                let steps = zip(values.dropFirst(), values).map { $0 - $1 }
                let step = try #require(steps.first)
                #expect(steps.allSatisfy { abs($0 - step) < step * 1e-6 }, "\(axisLabels)")
                #expect(isNice(step), "step \(step) in \(axisLabels)")
            }
        }
    }

    @Test("large x values are labelled compactly, as 25k and 1M")
    func compactLabels() throws {
        let thousands = try ParsedSVG(LineChart(series: [line("a", xs: [0, 50_000], ys: [0, 1])]).svg())
        #expect(thousands.texts(ofClass: "tick-label").contains("25k"))
        let millions = try ParsedSVG(LineChart(series: [line("a", xs: [0, 1_000_000], ys: [0, 1])]).svg())
        #expect(millions.texts(ofClass: "tick-label").contains("1M"))
        #expect(millions.texts(ofClass: "tick-label").contains("200k"))
    }

    @Test("title, axis labels and legend names appear as text, XML-escaped")
    func escapedText() throws {
        let title = "Return <mean> & \"best\" 'seed'"
        let chart = LineChart(title: title, xLabel: "steps <env>", yLabel: "return & more",
                              series: [line("PPO & <DQN>", xs: [0, 1], ys: [0, 1])])
        let svg = chart.svg()
        #expect(svg.contains("Return &lt;mean&gt; &amp; &quot;best&quot; &apos;seed&apos;"))
        let parsed = try ParsedSVG(svg)
        #expect(parsed.texts(ofClass: "title") == [title])
        #expect(parsed.texts(ofClass: "x-label") == ["steps <env>"])
        #expect(parsed.texts(ofClass: "y-label") == ["return & more"])
        #expect(parsed.elements(ofClass: "y-label").first?.attributes["transform"]?.contains("rotate(-90)") == true)
        #expect(parsed.texts(ofClass: "legend-label") == ["PPO & <DQN>"])
    }

    @Test("control characters, which XML does not allow, are dropped from text")
    func controlCharacters() throws {
        let parsed = try ParsedSVG(LineChart(title: "a\u{0}b\u{7}c").svg())
        #expect(parsed.texts(ofClass: "title") == ["abc"])
    }

    @Test("degenerate data still gives valid SVG without NaN or infinity", arguments: DegenerateCase.all)
    func degenerate(_ example: DegenerateCase) throws {
        let chart = LineChart(title: "t", xLabel: "x", yLabel: "y", width: example.width, height: 300,
                              series: example.series)
        let svg = chart.svg()
        #expect(!svg.lowercased().contains("nan"))
        #expect(!svg.lowercased().contains("inf"))
        let parsed = try ParsedSVG(svg)
        #expect(parsed.elements(ofClass: "curve").count == example.expectedCurves)
        #expect(parsed.elements(ofClass: "tick-label").count >= 4)
        for element in parsed.elements {
            for (name, value) in element.attributes where ["x", "y", "width", "height", "cx", "cy"].contains(name) {
                #expect(Double(value)?.isFinite == true, "\(element.name) \(name)=\(value)")
            }
        }
    }

    @Test("a single point is a zero-length curve with a marker on it")
    func singlePoint() throws {
        let parsed = try ParsedSVG(LineChart(series: [line("one", xs: [3], ys: [7])]).svg())
        let points = try #require(parsed.elements(ofClass: "curve").first).pathPoints
        #expect(points.count == 2)
        #expect(points[0] == points[1])
        let markers = parsed.elements(ofClass: "marker")
        #expect(markers.count == 1)
        #expect(markers.first?.number("cx") == points[0].x)
        #expect(markers.first?.number("cy") == points[0].y)
    }

    @Test("equal y values get a y range around them, and the line runs through its middle")
    func flatLine() throws {
        let parsed = try ParsedSVG(LineChart(series: [line("flat", xs: [0, 1, 2], ys: [500, 500, 500])]).svg())
        let frame = try #require(parsed.elements(ofClass: "frame").first)
        let middle = frame.number("y") + frame.number("height") / 2
        let points = try #require(parsed.elements(ofClass: "curve").first).pathPoints
        #expect(points.allSatisfy { abs($0.y - middle) < 0.01 })
        #expect(parsed.texts(ofClass: "tick-label").contains("500"))
    }

    @Test("a dashed series with markers is dashed and has one marker per point")
    func dashedWithMarkers() throws {
        let evaluation = ChartSeries(name: "eval", xs: [0, 1, 2, 3], ys: [1, 2, 3, 4], color: RGB(255, 127, 14),
                                     lineStyle: .dashed, showsMarkers: true)
        let parsed = try ParsedSVG(LineChart(series: [line("train", xs: [0, 3], ys: [0, 4]), evaluation]).svg())
        let curves = parsed.elements(ofClass: "curve")
        #expect(curves.map { $0.attributes["stroke-dasharray"] != "none" } == [false, true])
        #expect(curves[1].attributes["stroke"] == "#ff7f0e")
        #expect(parsed.elements(ofClass: "marker").count == 4)
    }

    @Test("an empty chart has axes, no curves and a no-data note")
    func emptyChart() throws {
        let parsed = try ParsedSVG(LineChart().svg())
        #expect(parsed.elements(ofClass: "curve").isEmpty)
        #expect(parsed.elements(ofClass: "frame").count == 1)
        #expect(parsed.texts(ofClass: "no-data") == ["no data"])
        #expect(parsed.elements(ofClass: "legend-label").isEmpty)
    }

    private func line(_ name: String, xs: [Double], ys: [Double]) -> ChartSeries {
        ChartSeries(name: name, xs: xs, ys: ys, color: RGB(31, 119, 180))
    }

    /// The number a tick label stands for: "25k" is 25 000, "1.5M" 1 500 000.
    private func value(ofLabel label: String) -> Double? {
        let scales: [Character: Double] = ["k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12]
        guard let last = label.last, let scale = scales[last] else { return Double(label) }
        return Double(label.dropLast()).map { $0 * scale }
    }

    /// Whether `step` is 1, 2 or 5 times a power of ten.
    private func isNice(_ step: Double) -> Bool {
        var mantissa = step
        while mantissa >= 10 { mantissa /= 10 }
        while mantissa < 1 { mantissa *= 10 }
        return [1.0, 2, 5, 10].contains { abs(mantissa - $0) < 1e-6 }
    }
}

/// A chart input that is awkward to draw, with the number of curves it must still produce.
struct DegenerateCase: Sendable, CustomTestStringConvertible {
    var name: String
    var series: [ChartSeries]
    var expectedCurves: Int
    var width = 800

    var testDescription: String { name }

    static let all: [DegenerateCase] = [
        DegenerateCase(name: "no series", series: [], expectedCurves: 0),
        DegenerateCase(name: "an empty series", series: [series([], [])], expectedCurves: 0),
        DegenerateCase(name: "only non-finite points", series: [series([.nan, 1, .infinity], [1, .nan, 2])],
                       expectedCurves: 0),
        DegenerateCase(name: "a single point at zero", series: [series([0], [0])], expectedCurves: 1),
        DegenerateCase(name: "all-equal values", series: [series([4, 4, 4], [-7, -7, -7])], expectedCurves: 1),
        DegenerateCase(name: "negative values", series: [series([-5, -1], [-1000, -3000])], expectedCurves: 1),
        DegenerateCase(name: "huge range", series: [series([-1e300, 0, 1e300], [-1e300, 1, 1e300])],
                       expectedCurves: 1),
        DegenerateCase(name: "beyond the drawable range", series: [series([0, 1, 2], [1e308, -1e308, 3])],
                       expectedCurves: 1),
        DegenerateCase(name: "tiny values", series: [series([0, 1e-300, 2e-300], [.leastNonzeroMagnitude, 0, .leastNormalMagnitude])],
                       expectedCurves: 1),
        DegenerateCase(name: "a tiny span at a large value", series: [series([1e6, 1e6 + 1e-3], [1e15, 1e15])],
                       expectedCurves: 1),
        DegenerateCase(name: "a band with non-finite edges",
                       series: [ChartSeries(name: "b", xs: [0, 1, 2], ys: [1, 2, 3], color: .black,
                                            band: .init(lower: [.nan, 1, 2], upper: [2, .infinity, 4]))],
                       expectedCurves: 1),
        DegenerateCase(name: "a tiny image with a long name",
                       series: [series([0, 1], [1, 2], name: String(repeating: "long name ", count: 30))],
                       expectedCurves: 1, width: 10),
    ]

    private static func series(_ xs: [Double], _ ys: [Double], name: String = "s") -> ChartSeries {
        ChartSeries(name: name, xs: xs, ys: ys, color: .black)
    }
}
