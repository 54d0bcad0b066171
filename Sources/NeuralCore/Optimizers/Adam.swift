import CNeuralKernels

/// The moment estimates kept by ``Adam`` and ``AdamW`` for one parameter.
public struct AdamState: Sendable {
    /// The first-moment estimate `m`.
    public var firstMoment: Tensor
    /// The second-moment estimate `v`.
    public var secondMoment: Tensor
    /// The number of updates applied, `t`.
    public var step: Int
}

/// Adam (Kingma & Ba, 2015), following PyTorch's `torch.optim.Adam` (L2 weight decay added to the gradient):
///
///     g ← g + λ·θ
///     m ← β₁·m + (1 - β₁)·g
///     v ← β₂·v + (1 - β₂)·g²
///     θ ← θ - η·(m / (1 - β₁ᵗ)) / (√(v / (1 - β₂ᵗ)) + ε)
public final class Adam: Optimizer {
    /// The step size `η`.
    public var learningRate: Float
    /// The decay rates `(β₁, β₂)` of the moment estimates.
    public let betas: (Float, Float)
    /// The denominator floor `ε`.
    public let epsilon: Float
    /// The L2 penalty `λ`.
    public let weightDecay: Float
    /// Each parameter's state, by identity.
    public var states = ParameterStates<AdamState>()
    /// A thread that updates half of each large parameter beside this one (bit-identical to
    /// one thread), or `nil` to update everything here.
    public var sideThread: SideThread?

    /// Creates the optimizer with PyTorch's defaults.
    public init(learningRate: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999), epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.betas = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Zero moments at step 0.
    public func initialState(for parameter: Tensor) -> AdamState {
        AdamState(firstMoment: Tensor.zeros(parameter.shape), secondMoment: Tensor.zeros(parameter.shape), step: 0)
    }

    /// Applies the update above to one parameter.
    public func update(_ parameter: inout Tensor, gradient: Tensor, state: inout AdamState) {
        let decayed = weightDecay == 0 ? gradient : gradient + parameter * weightDecay
        adamUpdate(&parameter, gradient: decayed, state: &state, learningRate: learningRate, betas: betas, epsilon: epsilon, sideThread: sideThread)
    }
}

/// AdamW (Loshchilov & Hutter, 2019): Adam with decoupled weight decay, following `torch.optim.AdamW`:
///
///     θ ← θ - η·λ·θ
///     then the Adam update with the raw gradient
public final class AdamW: Optimizer {
    /// The step size `η`.
    public var learningRate: Float
    /// The decay rates `(β₁, β₂)` of the moment estimates.
    public let betas: (Float, Float)
    /// The denominator floor `ε`.
    public let epsilon: Float
    /// The decoupled decay `λ`.
    public let weightDecay: Float
    /// Each parameter's state, by identity.
    public var states = ParameterStates<AdamState>()
    /// A thread that updates half of each large parameter beside this one (bit-identical to
    /// one thread), or `nil` to update everything here.
    public var sideThread: SideThread?

    /// Creates the optimizer with PyTorch's defaults.
    public init(learningRate: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999), epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
        self.learningRate = learningRate
        self.betas = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Zero moments at step 0.
    public func initialState(for parameter: Tensor) -> AdamState {
        AdamState(firstMoment: Tensor.zeros(parameter.shape), secondMoment: Tensor.zeros(parameter.shape), step: 0)
    }

    /// Decays the parameter, then applies Adam's update.
    public func update(_ parameter: inout Tensor, gradient: Tensor, state: inout AdamState) {
        parameter.subtract(parameter, scaledBy: learningRate * weightDecay)
        adamUpdate(&parameter, gradient: gradient, state: &state, learningRate: learningRate, betas: betas, epsilon: epsilon, sideThread: sideThread)
    }
}

/// The bias-corrected Adam step shared by ``Adam`` and ``AdamW``, run by the fused C kernel; a
/// parameter of at least ``adamSplitThreshold`` elements is updated half here and half on
/// `sideThread` when one is given.
func adamUpdate(
    _ parameter: inout Tensor, gradient: Tensor, state: inout AdamState, learningRate: Float, betas: (Float, Float), epsilon: Float,
    sideThread: SideThread? = nil
) {
    state.step += 1
    let (beta1, beta2) = betas
    let firstCorrection = 1 - _pow(beta1, Float(state.step))
    let secondCorrection = 1 - _pow(beta2, Float(state.step))
    parameter.scalars.withUnsafeMutableBufferPointer { theta in
        state.firstMoment.scalars.withUnsafeMutableBufferPointer { m in
            state.secondMoment.scalars.withUnsafeMutableBufferPointer { v in
                gradient.scalars.withUnsafeBufferPointer { g in
                    let count = theta.count
                    guard let theta = theta.baseAddress, let m = m.baseAddress, let v = v.baseAddress, let g = g.baseAddress else { return }
                    func update(_ range: Range<Int>) {
                        let start = range.lowerBound
                        nc_adam_update(
                            range.count, theta + start, m + start, v + start, g + start, learningRate, beta1, beta2, epsilon, firstCorrection,
                            secondCorrection)
                    }
                    if let sideThread, count >= adamSplitThreshold {
                        // Blocks of 16 keep every element on the kernel's vector path, as over the whole range.
                        sideThread.split(count, granule: 16, update)
                    } else {
                        update(0..<count)
                    }
                }
            }
        }
    }
}

/// The size from which ``adamUpdate(_:gradient:state:learningRate:betas:epsilon:sideThread:)``
/// shares a parameter's update with a side thread (below it, the hand-off costs more than half
/// the update).
let adamSplitThreshold = 1 << 13
