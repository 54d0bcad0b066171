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
    /// A thread that updates half of each large parameter beside this one, or the second half
    /// of a list of small ones (bit-identical to one thread), or `nil` to update everything here.
    public var sideThread: SideThread?
    /// The kernel call that the side thread shares.
    private let kernelCall = AdamKernelCall()
    /// The list step that the side thread shares.
    private let sharedStep = AdamSharedStep()

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

    /// Applies one update to every parameter with a gradient. With a ``sideThread``, no weight
    /// decay and only parameters too small to split one by one (a policy's layers), the side
    /// thread updates the second half of the list while this thread updates the first.
    public func step(_ parameters: [Variable]) {
        guard let sideThread, weightDecay == 0, parameters.count > 1, parameters.allSatisfy({ $0.value.count < adamSplitThreshold }) else {
            return stepEach(parameters)
        }
        prepareStates(for: parameters)
        states.withStates { entries, positions in
            sharedStep.start(parameters, states: entries, positions: positions, learningRate: learningRate, betas: betas, epsilon: epsilon)
            sideThread.split(parameters.count, granule: 1, sharedStep)
            sharedStep.finish()
        }
    }

    /// Applies the update above to one parameter.
    public func update(_ parameter: inout Tensor, gradient: Tensor, state: inout AdamState) {
        let decayed = weightDecay == 0 ? gradient : gradient + parameter * weightDecay
        adamUpdate(
            &parameter, gradient: decayed, state: &state, learningRate: learningRate, betas: betas, epsilon: epsilon, sideThread: sideThread,
            call: kernelCall)
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
    /// The kernel call that the side thread shares.
    private let kernelCall = AdamKernelCall()

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
        adamUpdate(
            &parameter, gradient: gradient, state: &state, learningRate: learningRate, betas: betas, epsilon: epsilon, sideThread: sideThread,
            call: kernelCall)
    }
}

/// The bias-corrected Adam step shared by ``Adam`` and ``AdamW``, run by the fused C kernel
/// through `call`; a parameter of at least ``adamSplitThreshold`` elements is updated half here
/// and half on `sideThread` when one is given.
func adamUpdate(
    _ parameter: inout Tensor, gradient: Tensor, state: inout AdamState, learningRate: Float, betas: (Float, Float), epsilon: Float,
    sideThread: SideThread? = nil, call: AdamKernelCall
) {
    state.step += 1
    (call.learningRate, call.beta1, call.beta2, call.epsilon) = (learningRate, betas.0, betas.1, epsilon)
    call.firstCorrection = 1 - _pow(betas.0, Float(state.step))
    call.secondCorrection = 1 - _pow(betas.1, Float(state.step))
    parameter.scalars.withUnsafeMutableBufferPointer { theta in
        state.firstMoment.scalars.withUnsafeMutableBufferPointer { m in
            state.secondMoment.scalars.withUnsafeMutableBufferPointer { v in
                gradient.scalars.withUnsafeBufferPointer { g in
                    let count = theta.count
                    guard let theta = theta.baseAddress, let m = m.baseAddress, let v = v.baseAddress, let g = g.baseAddress else { return }
                    (call.theta, call.firstMoment, call.secondMoment, call.gradient) = (theta, m, v, g)
                    defer { (call.theta, call.firstMoment, call.secondMoment, call.gradient) = (nil, nil, nil, nil) }
                    if let sideThread, count >= adamSplitThreshold {
                        // Blocks of 16 keep every element on the kernel's vector path, as over the whole range.
                        sideThread.split(count, granule: 16, call)
                    } else {
                        call.perform(0..<count)
                    }
                }
            }
        }
    }
}

/// One parameter's call of the fused Adam kernel: its buffers and coefficients, set by
/// ``adamUpdate(_:gradient:state:learningRate:betas:epsilon:sideThread:call:)`` for the
/// duration of the call, so that a side thread can take half of the elements without an
/// allocation.
final class AdamKernelCall: SplitWork {
    var theta: UnsafeMutablePointer<Float>?
    var firstMoment: UnsafeMutablePointer<Float>?
    var secondMoment: UnsafeMutablePointer<Float>?
    var gradient: UnsafePointer<Float>?
    var learningRate: Float = 0, beta1: Float = 0, beta2: Float = 0, epsilon: Float = 0
    var firstCorrection: Float = 1, secondCorrection: Float = 1

    func perform(_ range: Range<Int>) {
        guard let theta, let firstMoment, let secondMoment, let gradient else { return }
        let start = range.lowerBound
        nc_adam_update(
            range.count, theta + start, firstMoment + start, secondMoment + start, gradient + start, learningRate, beta1, beta2, epsilon,
            firstCorrection, secondCorrection)
    }
}

/// The size from which ``adamUpdate(_:gradient:state:learningRate:betas:epsilon:sideThread:call:)``
/// shares a parameter's update with a side thread (below it, the hand-off costs more than half
/// the update).
let adamSplitThreshold = 1 << 13
