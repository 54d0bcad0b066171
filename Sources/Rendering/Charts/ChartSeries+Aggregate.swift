extension ChartSeries {
    /// The mean of several runs as a line, with their minimum and maximum as the band.
    ///
    /// Runs, such as one training run per seed, usually log at different xs, so each run is
    /// read by linear interpolation between its own points on a common grid. The grid only
    /// covers the xs where every run has data: from the largest first x to the smallest last x.
    /// When the runs' own xs inside that range number at most `sampleCount`, the grid is those
    /// xs (so runs logged at the same steps are averaged exactly where they were measured);
    /// otherwise it is `sampleCount` evenly spaced xs from one end to the other.
    ///
    /// Points with a non-finite x or y are dropped first, and each run's points are put in order
    /// of x. The result is empty (no points, an empty band) when there are no runs, a run has no
    /// points left, or the runs' ranges do not overlap; it has a single point when they overlap
    /// at one x only.
    ///
    /// ```swift
    /// let seeds = runs.map { run in zip(run.steps, run.returns).map { (x: $0, y: $1) } }
    /// let curve = ChartSeries.aggregating(seeds, name: "PPO, 3 seeds", color: ChartSeries.palette[0])
    /// ```
    ///
    /// - Parameters:
    ///   - runs: Each run's (x, y) points.
    ///   - name: The legend name of the result.
    ///   - color: The colour of the result's line and band.
    ///   - sampleCount: The most grid points the result has.
    /// - Returns: A series whose ys are the runs' mean and whose band spans their min and max.
    /// - Precondition: `sampleCount` is at least 2.
    /// - Complexity: O(n log n + g r log n) for n points over all runs, r runs and g grid points.
    public static func aggregating(
        _ runs: [[(x: Double, y: Double)]], name: String, color: RGB, sampleCount: Int = 200
    ) -> ChartSeries {
        precondition(sampleCount >= 2, "expected a sample count of at least 2, got \(sampleCount)")
        let cleaned = runs.map { run in
            run.filter { ChartValue.isPlottable($0.x) && ChartValue.isPlottable($0.y) }.sorted { $0.x < $1.x }
        }
        let grid = commonGrid(of: cleaned, sampleCount: sampleCount)
        var means: [Double] = [], lows: [Double] = [], highs: [Double] = []
        for x in grid {
            let values = cleaned.map { interpolated($0, at: x) }
            means.append(values.reduce(0) { $0 + $1 / Double(values.count) })
            lows.append(values.min() ?? 0)
            highs.append(values.max() ?? 0)
        }
        return ChartSeries(name: name, xs: grid, ys: means, color: color, band: Band(lower: lows, upper: highs))
    }

    /// The xs at which every one of `runs` (each sorted by x) has data, as described in
    /// `aggregating(_:name:color:sampleCount:)`; empty if there are none.
    private static func commonGrid(of runs: [[(x: Double, y: Double)]], sampleCount: Int) -> [Double] {
        let firsts = runs.compactMap { $0.first?.x }
        let lasts = runs.compactMap { $0.last?.x }
        guard firsts.count == runs.count, let start = firsts.max(), let end = lasts.min(), start <= end else {
            return []
        }
        let inside = Set(runs.flatMap { $0.map(\.x) }.filter { $0 >= start && $0 <= end })
        if inside.count <= sampleCount { return inside.sorted() }
        return (0..<sampleCount).map { index in
            let t = Double(index) / Double(sampleCount - 1)
            return index == sampleCount - 1 ? end : start * (1 - t) + end * t
        }
    }

    /// `run`'s y at `x`, linearly interpolated between the points on either side; `x` must lie
    /// within the run's xs. Of several points at exactly `x`, the first is used.
    private static func interpolated(_ run: [(x: Double, y: Double)], at x: Double) -> Double {
        var low = 0, high = run.count - 1
        // Binary search for the first point at or after x.
        while low < high {
            let middle = (low + high) / 2
            if run[middle].x < x { low = middle + 1 } else { high = middle }
        }
        let after = run[low]
        guard after.x > x, low > 0 else { return after.y }
        let before = run[low - 1]
        let t = (x - before.x) / (after.x - before.x)
        return before.y * (1 - t) + after.y * t
    }
}
