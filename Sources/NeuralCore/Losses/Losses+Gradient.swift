/// Losses computed on plain tensors together with their gradient, for training loops that run
/// their own backward pass (``PerceptronWorkspace``) instead of building graph nodes.

/// ``huberLoss(_:_:delta:)`` of `prediction.gathering(indices)` against `target`, with the
/// gradient with respect to all of `prediction` written into `gradient` (zero off the picked
/// entries) — the Q-learning loss of a DQN update without allocating.
///
/// The value and gradient are bit-identical to the graph's
/// `huberLoss(Variable(prediction).gathering(indices), Variable(target), delta:)`.
/// - Parameter gradient: overwritten; its storage is reused when it is already shaped like `prediction`.
/// - Returns: the mean Huber loss over the rows.
/// - Precondition: `prediction` is `[n, c]`, `target` has `n` elements, and each index lies in `0..<c`.
public func huberLoss(_ prediction: Tensor, gathering indices: [Int], target: Tensor, delta: Float = 1, gradient: inout Tensor) -> Float {
    precondition(prediction.rank == 2 && indices.count == prediction.shape[0] && target.count == indices.count,
                 "expected prediction [n, c] with n = \(indices.count) indices and targets, got \(prediction.shape) and \(target.shape)")
    let (rows, classes) = (prediction.shape[0], prediction.shape[1])
    if gradient.shape != prediction.shape { gradient = Tensor.zeros(prediction.shape) }
    let huber = Elementwise.Huber(delta: delta)
    let scale = 1 / Float(Swift.max(rows, 1))
    var sum: Float = 0
    gradient.withUnsafeMutableScalars { output in
        output.update(repeating: 0)
        prediction.scalars.withUnsafeBufferPointer { values in
            target.scalars.withUnsafeBufferPointer { target in
                for (row, index) in indices.enumerated() {
                    precondition(index >= 0 && index < classes, "expected indices in 0..<\(classes), got \(index)")
                    let difference = values[row * classes + index] - target[row]
                    let loss = huber.value(difference)
                    sum += loss
                    output[row * classes + index] = scale * huber.derivative(difference, loss)
                }
            }
        }
    }
    return sum * scale
}
