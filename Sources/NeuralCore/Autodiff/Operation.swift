/// How a node was computed: what its backward pass must do. Each case's forward rule is the
/// public operation that records it, and its backward rule sits right below that operation
/// in the same file (`Variable+Arithmetic.swift`, `Variable+Unary.swift`, ...); this table only
/// routes a node to its rule.
enum Operation {
    /// A leaf or a constant: nothing to propagate.
    case leaf
    /// Broadcasting `+`, `-`, `*`, `/` of two variables.
    case add, subtract, multiply, divide
    /// `-x`.
    case negate
    /// `x + c` for a constant `c`.
    case addScalar
    /// `x * c` for a constant `c`.
    case multiplyScalar(Float)
    /// `minimum`/`maximum`: `saved.scalars` is 1 where the left operand was chosen.
    case choose
    /// An element-wise function.
    case unary(UnaryFunction)
    /// A sum over `axes` (kept as extent 1 or dropped in the output).
    case sum(axes: AxisSet)
    /// A max along `axis`; `saved.indices` holds the winning index of each output element.
    case maxAlong(axis: Int)
    /// `log Σ exp` along `axis`.
    case logSumExp(axis: Int)
    /// A change of shape with the same elements.
    case reshape
    /// A permutation of the axes (`axes[i]` is the input axis of output axis `i`).
    case permute(axes: Extents)
    /// Concatenation of the parents along `axis`.
    case concatenate(axis: Int)
    /// A contiguous range of `axis`.
    case slice(axis: Int, start: Int)
    /// The entries `indices` of `axis`, repeats allowed.
    case select(indices: [Int], axis: Int)
    /// One entry of the last axis per row; `saved.indices` holds a copy of the chosen entries,
    /// so the caller may refill its array for the next step without a copy-on-write.
    case gather
    /// Batched matrix product.
    case matmul
    /// `x·Wᵀ + b`.
    case linear
    /// 2-D convolution; `saved.scalars` holds nothing between passes (columns are re-unfolded).
    case conv2d(ConvolutionPlan)
    /// Max or average pooling; `saved.indices` holds a max pool's winners.
    case pool(PoolPlan)
    /// Logits with disallowed entries replaced by a constant; `saved.scalars` is 1 where allowed.
    case maskedFill
    /// A whole LSTM sequence; `saved.scalars` holds its gates and states (``LSTMPlan``).
    case lstm(LSTMPlan)

    /// Sends `node`'s incoming gradient to its parents by the operation's backward rule.
    func propagate(_ node: Variable) {
        switch self {
        case .leaf: break
        case .add: Variable.backwardAdd(node)
        case .subtract: Variable.backwardSubtract(node)
        case .multiply: Variable.backwardMultiply(node)
        case .divide: Variable.backwardDivide(node)
        case .negate: Variable.backwardNegate(node)
        case .addScalar: Variable.backwardAddScalar(node)
        case .multiplyScalar(let factor): Variable.backwardMultiplyScalar(node, factor)
        case .choose: Variable.backwardChoose(node)
        case .unary(let function): Variable.backwardUnary(node, function)
        case .sum(let axes): Variable.backwardSum(node, axes)
        case .maxAlong(let axis): Variable.backwardMax(node, axis)
        case .logSumExp(let axis): Variable.backwardLogSumExp(node, axis)
        case .reshape: Variable.backwardReshape(node)
        case .permute(let axes): Variable.backwardPermute(node, axes)
        case .concatenate(let axis): Variable.backwardConcatenate(node, axis)
        case .slice(let axis, let start): Variable.backwardSlice(node, axis, start)
        case .select(let indices, let axis): Variable.backwardSelect(node, indices, axis)
        case .gather: Variable.backwardGather(node)
        case .matmul: Variable.backwardMatmul(node)
        case .linear: Variable.backwardLinear(node)
        case .conv2d(let plan): Variable.backwardConv2d(node, plan)
        case .pool(let plan): Variable.backwardPool(node, plan)
        case .maskedFill: Variable.backwardMaskedFill(node)
        case .lstm(let plan): Variable.backwardLSTM(node, plan)
        }
    }
}
