import Rendering

/// Learning-curve charts of runs (`learning_curve.svg`, `dojo plot`): the training return (the
/// mean of the last 100 episodes) and the evaluation return against environment steps. Runs
/// of the same environment and agent are drawn as their mean with a min–max band.
enum LearningCurves {
    /// Which returns to draw.
    enum Metric: String, CaseIterable {
        case train, eval, both
    }

    /// The chart of `runs`.
    static func chart(of runs: [RunHistory], metric: Metric) -> LineChart {
        var groups: [(key: String, runs: [RunHistory])] = []
        for run in runs {
            let key = "\(run.environmentID) \(run.agent)"
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].runs.append(run)
            } else {
                groups.append((key, [run]))
            }
        }
        var series: [ChartSeries] = []
        for group in groups {
            let label = groups.count > 1 ? "\(group.key) " : ""
            if metric != .eval {
                series.append(curve(group.runs.map(\.training), name: "\(label)training return", index: series.count, dashed: false))
            }
            if metric != .train, group.runs.contains(where: { !$0.evaluation.isEmpty }) {
                series.append(curve(group.runs.map(\.evaluation), name: "\(label)evaluation return", index: series.count, dashed: true))
            }
        }
        let environments = groups.map(\.key).joined(separator: ", ")
        let seeds = groups.count == 1 && runs.count > 1 ? " (mean and min–max over \(runs.count) runs)" : ""
        let yLabel = switch metric {
        case .train: "episode return (mean of last 100)"
        case .eval: "evaluation return"
        case .both: "return"
        }
        return LineChart(title: environments + seeds, xLabel: "environment steps", yLabel: yLabel, series: series)
    }

    /// One run's points as a line, or several runs' as their mean with a min–max band.
    private static func curve(_ runs: [[(x: Double, y: Double)]], name: String, index: Int, dashed: Bool) -> ChartSeries {
        let color = ChartSeries.palette[index % ChartSeries.palette.count]
        var series = runs.count == 1
            ? ChartSeries(name: name, xs: runs[0].map(\.x), ys: runs[0].map(\.y), color: color)
            : ChartSeries.aggregating(runs, name: name + " (mean)", color: color)
        if dashed {
            series.lineStyle = .dashed
            series.showsMarkers = runs.count == 1
        }
        return series
    }
}
