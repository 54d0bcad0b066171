import CNeuralKernels

/// Scales all gradients together so their global L2 norm is at most `maxNorm`, like
/// `torch.nn.utils.clip_grad_norm_` (used by PPO and A2C).
///
/// The gradients are scaled in place, so clipping allocates nothing.
///
/// - Returns: the global norm before clipping.
/// - Complexity: O(total parameter count).
@discardableResult
public func clipGradients(of parameters: [Variable], maxNorm: Float) -> Float {
    var squared: Double = 0
    for parameter in parameters {
        guard let gradient = parameter.grad else { continue }
        squared += sumOfSquares(gradient.scalars)
    }
    let norm = Float(squared.squareRoot())
    let scale = maxNorm / (norm + 1e-6)
    if scale < 1 {
        for parameter in parameters where parameter.hasGradient {
            parameter.gradientStorage!.scalars.withUnsafeMutableBufferPointer { gradient in
                for index in 0..<gradient.count { gradient[index] *= scale }
            }
        }
    }
    return norm
}

/// The sum of the squares of `values` in double precision (the C kernel's fixed order).
private func sumOfSquares(_ values: [Float]) -> Double {
    values.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return nc_sum_of_squares(base, buffer.count)
    }
}
