/// A batch of categorical distributions over `C` classes, given by unnormalised logits `[N, C]`.
///
/// An optional action mask gives disallowed classes zero probability: their logits are
/// replaced by a large negative constant, so they are never sampled, contribute nothing to
/// the entropy and receive no gradient.
///
/// ```swift
/// let policy = Categorical(logits: network(observation), mask: [[true, false, true]])
/// let action = policy.sample(using: &generator)
/// let logProb = policy.logProbability(of: action)
/// ```
public struct Categorical {
    /// `log p` for every class, `[N, C]`.
    public let logProbabilities: Variable

    /// Creates the distributions.
    /// - Parameter mask: `[N][C]`; `false` marks a class with zero probability.
    /// - Precondition: logits are rank 2; each mask row has `C` entries with at least one `true`.
    public init(logits: Variable, mask: [[Bool]]? = nil) {
        precondition(logits.value.rank == 2, "expected logits [N, C], got \(logits.shape)")
        guard let mask else {
            logProbabilities = logits.logSoftmax(alongAxis: 1)
            return
        }
        precondition(mask.allSatisfy { $0.contains(true) }, "expected every mask row to allow at least one class")
        logProbabilities = logits.masked(byRows: mask, fill: Self.disallowedLogit).logSoftmax(alongAxis: 1)
    }

    /// The distributions with a mask given as one flag per logit, row-major (as vector batches
    /// carry it).
    /// - Precondition: logits are rank 2; `mask` has one flag per logit and every row allows a class.
    public init(logits: Variable, mask: [Bool]) {
        precondition(logits.value.rank == 2, "expected logits [N, C], got \(logits.shape)")
        let classes = logits.shape[1]
        precondition((0..<logits.shape[0]).allSatisfy { row in mask[(row * classes)..<((row + 1) * classes)].contains(true) },
                     "expected every mask row to allow at least one class")
        logProbabilities = logits.masked(by: mask, fill: Self.disallowedLogit).logSoftmax(alongAxis: 1)
    }

    /// The logit a disallowed class gets: low enough that its probability is exactly 0.
    static let disallowedLogit: Float = -1e30

    /// The probabilities, `[N, C]`.
    public var probabilities: Variable { logProbabilities.exp() }

    /// `log p(action)` for one action per row, `[N]`.
    public func logProbability(of actions: [Int]) -> Variable {
        logProbabilities.gathering(actions)
    }

    /// The entropy `-Σ p log p` of each row, `[N]`.
    public func entropy() -> Variable {
        -(probabilities * logProbabilities).sum(alongAxes: [1])
    }

    /// The most probable class of each row (first on ties).
    public func argmax() -> [Int] {
        logProbabilities.value.argmax(alongAxis: 1)
    }

    /// One class per row drawn by inverse-CDF sampling from `generator`.
    /// - Complexity: O(N·C).
    public func sample(using generator: inout some RandomNumberGenerator) -> [Int] {
        let probabilities = logProbabilities.value.map(_exp)
        let classes = probabilities.shape[1]
        return (0..<probabilities.shape[0]).map { row in
            let draw = Tensor.unitFloat(using: &generator)
            var cumulative: Float = 0
            var last = 0
            for index in 0..<classes where probabilities.scalars[row * classes + index] > 0 {
                cumulative += probabilities.scalars[row * classes + index]
                last = index
                if draw < cumulative { return index }
            }
            return last
        }
    }
}
