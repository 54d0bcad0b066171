import Foundation

/// One row of a run's metrics, written every metrics interval: the columns of `metrics.csv`.
public struct MetricsRow: Sendable, Equatable, Codable {
    /// Environment steps so far, summed over copies.
    public var timesteps: Int
    /// Episodes finished so far.
    public var episodes: Int
    /// The mean return of the last 100 finished episodes, or `nil` before the first.
    public var meanReturn: Double?
    /// The mean loss of the gradient steps since the previous row, or `nil` when there were none.
    public var loss: Double?
    /// The mean policy loss (the clipped surrogate, or the policy gradient's) of the gradient
    /// steps since the previous row, for policy-gradient agents.
    public var policyLoss: Double?
    /// The mean value loss of those steps, for policy-gradient agents.
    public var valueLoss: Double?
    /// The mean entropy of the policy over those steps, for policy-gradient agents.
    public var entropy: Double?
    /// The optimizer's learning rate now, as its schedule sets it.
    public var learningRate: Double?
    /// The exploration rate now, or `nil` for agents that do not explore epsilon-greedily.
    public var epsilon: Double?
    /// Environment steps per second of wall-clock since training started (the one column that
    /// depends on the machine; every other column is a function of the seed).
    public var stepsPerSecond: Double

    /// The CSV header.
    public static let csvHeader = "timesteps,episodes,mean_return_100,loss,policy_loss,value_loss,entropy,learning_rate,epsilon,steps_per_second"

    /// The row as CSV, with empty fields for missing values.
    public var csvLine: String {
        let optionals = [meanReturn, loss, policyLoss, valueLoss, entropy, learningRate, epsilon].map { $0.map { "\($0)" } ?? "" }
        let fields = [String(timesteps), String(episodes)] + optionals + [String(format: "%.1f", stepsPerSecond)]
        return fields.joined(separator: ",")
    }
}

/// The returns of the most recent episodes (100, as SB3's `ep_rew_mean`), in a ring.
struct RecentReturns: Codable {
    private var returns: [Double] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int = 100) {
        self.capacity = capacity
        returns.reserveCapacity(capacity)
    }

    mutating func append(_ value: Double) {
        if returns.count < capacity {
            returns.append(value)
        } else {
            returns[next] = value
        }
        next = (next + 1) % capacity
    }

    var mean: Double? { returns.isEmpty ? nil : returns.reduce(0, +) / Double(returns.count) }
}
