/// Running mean and variance of a stream of vectors, merged batch by batch (Chan et al., 1979).
///
/// This is the statistic behind `NormalizeObservation` and `NormalizeReward`. It starts, as
/// Gymnasium's and Stable-Baselines3's, from mean 0, variance 1 and a tiny count `epsilon`, so
/// the first update dominates. It is `Codable` so training can save it and evaluation load it.
public struct RunningMeanStd: Sendable, Equatable, Codable {
    /// The running mean of each value.
    public private(set) var mean: [Double]
    /// The running (population) variance of each value.
    public private(set) var variance: [Double]
    /// The number of vectors seen, plus the initial `epsilon`.
    public private(set) var count: Double

    /// Statistics for vectors of `dimension` values, before any update.
    public init(dimension: Int, epsilon: Double = 1e-4) {
        mean = [Double](repeating: 0, count: dimension)
        variance = [Double](repeating: 1, count: dimension)
        count = epsilon
    }

    /// Folds one vector into the statistics.
    ///
    /// - Precondition: `values.count == mean.count`.
    public mutating func update(_ values: some Collection<Double>) {
        precondition(values.count == mean.count, "expected \(mean.count) values, got \(values.count)")
        let total = count + 1
        for (index, value) in values.enumerated() {
            let delta = value - mean[index]
            let newMean = mean[index] + delta / total
            let combined = variance[index] * count + delta * delta * count / total
            mean[index] = newMean
            variance[index] = combined / total
        }
        count = total
    }
}
