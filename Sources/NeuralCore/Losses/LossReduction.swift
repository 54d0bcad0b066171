/// How a loss turns its per-element terms into its result, PyTorch's `reduction`.
public enum LossReduction: String, Sendable, Codable {
    /// The mean of the terms (the default): a scalar ready for ``Variable/backward()``.
    case mean
    /// The sum of the terms.
    case sum
    /// No reduction: one term per element (or per row), to weight by importance-sampling
    /// ratios or read TD errors before reducing.
    case none

    /// `terms` reduced this way.
    func apply(_ terms: Variable) -> Variable {
        switch self {
        case .mean: terms.mean()
        case .sum: terms.sum()
        case .none: terms
        }
    }
}
