/// The running average of squared gradients kept by ``RMSProp`` for one parameter.
public struct RMSPropState: Sendable {
    /// `E[g²]`, starting at zero.
    public var squareAverage: Tensor
}

/// RMSProp (Tieleman & Hinton, 2012), following PyTorch's `torch.optim.RMSprop`:
///
///     g ← g + λ·θ
///     s ← α·s + (1 - α)·g²
///     θ ← θ - η·g / (√s + ε)
public final class RMSProp: Optimizer {
    /// The step size `η`.
    public var learningRate: Float
    /// The smoothing constant `α`.
    public let alpha: Float
    /// The denominator floor `ε`.
    public let epsilon: Float
    /// The L2 penalty `λ`.
    public let weightDecay: Float
    /// Each parameter's state, by identity.
    public var states = ParameterStates<RMSPropState>()

    /// Creates the optimizer with PyTorch's defaults.
    public init(learningRate: Float = 0.01, alpha: Float = 0.99, epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// A zero square average.
    public func initialState(for parameter: Tensor) -> RMSPropState {
        RMSPropState(squareAverage: Tensor.zeros(parameter.shape))
    }

    /// Applies the update above to one parameter.
    public func update(_ parameter: inout Tensor, gradient: Tensor, state: inout RMSPropState) {
        let decayed = weightDecay == 0 ? gradient : gradient + parameter * weightDecay
        let (alpha, epsilon, rate) = (self.alpha, self.epsilon, learningRate)
        parameter.scalars.withUnsafeMutableBufferPointer { theta in
            state.squareAverage.scalars.withUnsafeMutableBufferPointer { average in
                decayed.scalars.withUnsafeBufferPointer { g in
                    for index in 0..<theta.count {
                        // A weight whose gradient stays zero has its average decay into subnormal
                        // floats, which cost a microcode assist per operation; they become 0.
                        let previous = average[index] < .leastNormalMagnitude ? 0 : average[index]
                        let updated = alpha * previous + (1 - alpha) * g[index] * g[index]
                        average[index] = updated < .leastNormalMagnitude ? 0 : updated
                        theta[index] -= rate * g[index] / (average[index].squareRoot() + epsilon)
                    }
                }
            }
        }
    }
}
