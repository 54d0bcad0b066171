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

/// The sum of the squares of `values` in double precision (where each square is exact), in four
/// independent runs of eight lanes, so that no addition waits on the one before it.
private func sumOfSquares(_ values: [Float]) -> Double {
    values.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        var lanes = (SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>())
        func squares(at index: Int) -> SIMD8<Double> {
            let chunk = SIMD8<Double>(UnsafeRawPointer(base + index).loadUnaligned(as: SIMD8<Float>.self))
            return chunk * chunk
        }
        var index = 0
        while index + 32 <= buffer.count {
            lanes.0 += squares(at: index)
            lanes.1 += squares(at: index + 8)
            lanes.2 += squares(at: index + 16)
            lanes.3 += squares(at: index + 24)
            index += 32
        }
        while index + 8 <= buffer.count {
            lanes.0 += squares(at: index)
            index += 8
        }
        var total = ((lanes.0 + lanes.1) + (lanes.2 + lanes.3)).sum()
        while index < buffer.count {
            total += Double(buffer[index]) * Double(buffer[index])
            index += 1
        }
        return total
    }
}
