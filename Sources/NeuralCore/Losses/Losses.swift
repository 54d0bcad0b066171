/// Loss functions: a mean over their elements (or rows) by default, so they are ready for
/// ``Variable/backward()``; `reduction: .none` keeps one term per element (or row).

/// Mean squared error `mean((ŷ - y)²)`.
/// - Precondition: the shapes broadcast.
public func meanSquaredError(_ prediction: Variable, _ target: Variable, reduction: LossReduction = .mean) -> Variable {
    reduction.apply((prediction - target).squared())
}

/// Huber loss (smooth L1, Huber 1964) `mean(h_δ(ŷ - y))` with `h_δ(d) = d²/2` for `|d| ≤ δ`,
/// else `δ(|d| - δ/2)`; PyTorch's `HuberLoss(delta:)`, which with `δ = 1` equals `SmoothL1Loss`.
public func huberLoss(_ prediction: Variable, _ target: Variable, delta: Float = 1, reduction: LossReduction = .mean) -> Variable {
    reduction.apply((prediction - target).huber(delta: delta))
}

/// Cross-entropy of integer labels under `logits: [N, C]`: `mean_n(-log softmax(logits_n)[label_n])`.
///
/// - Parameter mask: rows to include (`true`) — e.g. padding excluded; the mean is over included rows.
/// - Precondition: one label per row in `0..<C`, and at least one included row.
public func crossEntropy(logits: Variable, labels: [Int], mask: [Bool]? = nil) -> Variable {
    precondition(logits.value.rank == 2 && labels.count == logits.shape[0], "expected logits [\(labels.count), C], got \(logits.shape)")
    let picked = logits.logSoftmax(alongAxis: 1).gathering(labels)
    guard let mask else { return -picked.mean() }
    precondition(mask.count == labels.count, "expected \(labels.count) mask entries, got \(mask.count)")
    let included = mask.reduce(0) { $0 + ($1 ? 1 : 0) }
    precondition(included > 0, "expected at least one unmasked row, got none")
    let weights = Variable.constant(onTapeOf: picked, shape: .vector(mask.count)) { weights in
        for (row, isIncluded) in mask.enumerated() { weights[row] = isIncluded ? 1 / Float(included) : 0 }
    }
    return -(picked * weights).sum()
}

/// The per-row cross-entropy `-log softmax(logits_n)[label_n]`, `[N]`, unreduced.
/// - Precondition: one label per row in `0..<C`.
public func crossEntropyPerRow(logits: Variable, labels: [Int]) -> Variable {
    precondition(logits.value.rank == 2 && labels.count == logits.shape[0], "expected logits [\(labels.count), C], got \(logits.shape)")
    return -logits.logSoftmax(alongAxis: 1).gathering(labels)
}

/// Binary cross-entropy of targets in `[0, 1]` under logits:
/// `mean(softplus(x) - x·y)`, the stable form of `-y·log σ(x) - (1-y)·log(1-σ(x))`.
/// - Precondition: the shapes broadcast.
public func binaryCrossEntropy(logits: Variable, targets: Variable, reduction: LossReduction = .mean) -> Variable {
    reduction.apply(logits.softplus() - logits * targets)
}
