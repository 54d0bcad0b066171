import Rendering
import Testing

@Suite("ChartSeries")
struct ChartSeriesTests {
    @Test("two linear runs on different grids: mean, min and max at the xs both cover")
    func aggregateOfTwoLinearRuns() {
        // Run a is y = x at 0, 10, 20; run b is y = 2x at 5, 15, 25. Both cover 5...20, and
        // interpolating a straight line is exact, so at x the mean is 1.5x, min x and max 2x.
        let a = [(x: 0.0, y: 0.0), (x: 10, y: 10), (x: 20, y: 20)]
        let b = [(x: 5.0, y: 10.0), (x: 15, y: 30), (x: 25, y: 50)]
        let result = ChartSeries.aggregating([a, b], name: "mean", color: RGB(1, 2, 3))
        #expect(result.xs == [5, 10, 15, 20])
        #expect(result.ys == [7.5, 15, 22.5, 30])
        #expect(result.band?.lower == [5, 10, 15, 20])
        #expect(result.band?.upper == [10, 20, 30, 40])
        #expect(result.name == "mean")
        #expect(result.color == RGB(1, 2, 3))
    }

    @Test("more xs than the sample count are resampled evenly over the shared range")
    func evenResampling() throws {
        // a is 3x at whole xs and b is 3x + 1 at halves, so over 0.5...100 the mean is 3x + 0.5.
        let a: [(x: Double, y: Double)] = (0...100).map { step in
            let x = Double(step)
            return (x: x, y: 3 * x)
        }
        let b: [(x: Double, y: Double)] = (0...100).map { step in
            let x = Double(step) + 0.5
            return (x: x, y: 3 * x + 1)
        }
        let result = ChartSeries.aggregating([a, b], name: "", color: .black, sampleCount: 5)
        let band = try #require(result.band)
        #expect(result.xs.count == 5)
        #expect(result.xs.first == 0.5)
        #expect(result.xs.last == 100)
        for (index, x) in result.xs.enumerated() {
            let expectedX: Double = 0.5 + 99.5 * Double(index) / 4
            #expect(abs(x - expectedX) < 1e-9)
            #expect(abs(result.ys[index] - (3 * x + 0.5)) < 1e-9)
            #expect(abs(band.lower[index] - 3 * x) < 1e-9)
            #expect(abs(band.upper[index] - (3 * x + 1)) < 1e-9)
        }
    }

    @Test("no runs, an empty run, or runs that do not overlap give an empty series")
    func emptyAggregates() {
        let cases: [[[(x: Double, y: Double)]]] = [
            [],
            [[(x: 0, y: 1), (x: 5, y: 2)], []],
            [[(x: 0, y: 0), (x: 10, y: 10)], [(x: 20, y: 0), (x: 30, y: 1)]],
            [[(x: .nan, y: 1), (x: 2, y: .infinity)]],
        ]
        for runs in cases {
            let result = ChartSeries.aggregating(runs, name: "", color: .black)
            #expect(result.xs.isEmpty && result.ys.isEmpty)
            #expect(result.band == ChartSeries.Band(lower: [], upper: []))
        }
    }

    @Test("a run of one point inside the others gives the single x where all overlap")
    func singlePointRun() {
        let result = ChartSeries.aggregating(
            [[(x: 4, y: 1)], [(x: 0, y: 0), (x: 8, y: 16)]], name: "", color: .black
        )
        #expect(result.xs == [4])
        #expect(result.ys == [4.5])
        #expect(result.band == ChartSeries.Band(lower: [1], upper: [8]))
    }

    @Test("non-finite points are dropped and unordered points sorted before interpolating")
    func cleaning() {
        let a = [(x: 10.0, y: 10.0), (x: .nan, y: 3), (x: 0, y: 0), (x: 5, y: .infinity)]
        let b = [(x: 0.0, y: 2.0), (x: 10, y: 2)]
        let result = ChartSeries.aggregating([a, b], name: "", color: .black)
        #expect(result.xs == [0, 10])
        #expect(result.ys == [1, 6])
    }

    @Test("an aggregate draws as a chart: one curve and one band")
    func aggregateChart() throws {
        let runs: [[(x: Double, y: Double)]] = (0..<3).map { (seed: Int) -> [(x: Double, y: Double)] in
            let spacing = Double(1000 + seed * 100)
            return (0...50).map { (step: Int) -> (x: Double, y: Double) in
                (x: Double(step) * spacing, y: Double(step * seed))
            }
        }
        let series = ChartSeries.aggregating(runs, name: "3 seeds", color: RGB(44, 160, 44))
        let parsed = try ParsedSVG(LineChart(series: [series]).svg())
        #expect(parsed.elements(ofClass: "curve").count == 1)
        #expect(parsed.elements(ofClass: "band").count == 1)
        #expect(parsed.elements(ofClass: "band").first?.pathPoints.count == 2 * series.xs.count)
    }
}
