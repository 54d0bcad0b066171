/// The momentum buffer of ``SGD`` for one parameter.
public struct SGDState: Sendable {
    /// The velocity `v`, or `nil` before the first step (and always without momentum).
    public var momentumBuffer: Tensor?
}

/// Stochastic gradient descent with optional momentum, Nesterov momentum
/// (Sutskever et al., 2013) and L2 weight decay, following PyTorch's `torch.optim.SGD`:
///
///     g ← g + λ·θ
///     v ← μ·v + g                   (v = g at the first step)
///     θ ← θ - η·(g + μ·v)   if Nesterov,   else θ - η·v
public final class SGD: Optimizer {
    /// The step size `η`.
    public var learningRate: Float
    /// The momentum `μ` (0 for plain SGD).
    public let momentum: Float
    /// Whether to use Nesterov's look-ahead form.
    public let isNesterov: Bool
    /// The L2 penalty `λ` added to the gradient.
    public let weightDecay: Float
    /// Each parameter's state, by identity.
    public var states = ParameterStates<SGDState>()

    /// Creates the optimizer.
    /// - Precondition: Nesterov needs a positive momentum.
    public init(learningRate: Float, momentum: Float = 0, isNesterov: Bool = false, weightDecay: Float = 0) {
        precondition(!isNesterov || momentum > 0, "expected a positive momentum for Nesterov, got \(momentum)")
        self.learningRate = learningRate
        self.momentum = momentum
        self.isNesterov = isNesterov
        self.weightDecay = weightDecay
    }

    /// An empty momentum buffer.
    public func initialState(for parameter: Tensor) -> SGDState { SGDState() }

    /// Applies the update above to one parameter.
    public func update(_ parameter: inout Tensor, gradient: Tensor, state: inout SGDState) {
        let decayed = weightDecay == 0 ? gradient : gradient + parameter * weightDecay
        guard momentum != 0 else {
            parameter.subtract(decayed, scaledBy: learningRate)
            return
        }
        let velocity = state.momentumBuffer.map { $0 * momentum + decayed } ?? decayed
        state.momentumBuffer = velocity
        parameter.subtract(isNesterov ? decayed + velocity * momentum : velocity, scaledBy: learningRate)
    }
}
