/// The hidden and cell state of an LSTM, each `[B, H]`.
public struct LSTMState {
    /// The hidden state `h`, also the cell's output.
    public var hidden: Variable
    /// The cell state `c`.
    public var cell: Variable

    /// Creates a state from its parts.
    public init(hidden: Variable, cell: Variable) {
        self.hidden = hidden
        self.cell = cell
    }

    /// The all-zero state for a batch.
    public static func zeros(batchSize: Int, hiddenSize: Int) -> LSTMState {
        LSTMState(hidden: Variable(Tensor.zeros([batchSize, hiddenSize])), cell: Variable(Tensor.zeros([batchSize, hiddenSize])))
    }

    /// The all-zero state, made on the tape of `anchor` when it has one.
    static func zeros(like anchor: Variable, batchSize: Int, hiddenSize: Int) -> LSTMState {
        let shape = Extents.matrix(batchSize, hiddenSize)
        return LSTMState(hidden: .zeros(onTapeOf: anchor, shape: shape), cell: .zeros(onTapeOf: anchor, shape: shape))
    }
}

/// One step of a long short-term memory cell (Hochreiter & Schmidhuber, 1997), like `nn.LSTMCell`:
///
///     i, f, g, o = split(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)
///     c' = σ(f)·c + σ(i)·tanh(g)
///     h' = σ(o)·tanh(c')
public final class LSTMCell: Module {
    let weights: RecurrentWeights

    /// Creates a cell with PyTorch's initialisation (uniform in `±1/√H`).
    public init(inputSize: Int, hiddenSize: Int, using generator: inout some RandomNumberGenerator) {
        weights = RecurrentWeights(inputSize: inputSize, hiddenSize: hiddenSize, gates: 4, using: &generator)
    }

    /// The hidden size `H`.
    public var hiddenSize: Int { weights.hiddenSize }

    /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` (gate order i, f, g, o).
    public var namedParameters: [(name: String, parameter: Variable)] { weights.named(suffix: "") }

    /// The four weights, stored.
    public var parameters: [Variable] { weights.all }

    /// Advances the state by one input `[B, I]`; a `nil` state starts from zeros.
    public func callAsFunction(_ input: Variable, state: LSTMState? = nil) -> LSTMState {
        let previous = state ?? .zeros(like: input, batchSize: input.shape[0], hiddenSize: hiddenSize)
        let (fromInput, fromHidden) = weights.projections(input: input, hidden: previous.hidden)
        let gates = fromInput + fromHidden
        let inputGate = weights.gate(0, of: gates).sigmoid()
        let forgetGate = weights.gate(1, of: gates).sigmoid()
        let candidate = weights.gate(2, of: gates).tanh()
        let outputGate = weights.gate(3, of: gates).sigmoid()
        let cell = forgetGate * previous.cell + inputGate * candidate
        return LSTMState(hidden: outputGate * cell.tanh(), cell: cell)
    }
}

/// A single-layer LSTM over a sequence `[T, B, I]` (time first, like `nn.LSTM`), named like
/// PyTorch's (`weight_ih_l0`, ...). Pass the returned state to the next call to carry memory
/// across calls (truncated back-propagation through time, or step-by-step acting).
public final class LSTM: Module {
    /// The cell applied at every step.
    public let cell: LSTMCell

    /// Creates the layer with PyTorch's initialisation.
    public init(inputSize: Int, hiddenSize: Int, using generator: inout some RandomNumberGenerator) {
        cell = LSTMCell(inputSize: inputSize, hiddenSize: hiddenSize, using: &generator)
    }

    /// `weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`.
    public var namedParameters: [(name: String, parameter: Variable)] { cell.weights.named(suffix: "_l0") }

    /// The four weights, stored.
    public var parameters: [Variable] { cell.weights.all }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .lstm(inputSize: cell.weights.inputWeight.shape[1], hiddenSize: cell.hiddenSize) }

    /// Runs the cell over every step of `input: [T, B, I]`.
    /// - Returns: the hidden state of every step `[T, B, H]` and the final state.
    public func callAsFunction(_ input: Variable, state: LSTMState? = nil) -> (output: Variable, state: LSTMState) {
        var current = state
        let output = unrolled(input, reusing: &steps) { step in
            let next = cell(step, state: current)
            current = next
            return next.hidden
        }
        let final = current ?? .zeros(like: input, batchSize: input.shape[1], hiddenSize: cell.hiddenSize)
        return (output, final)
    }

    /// The per-step outputs of the last call, kept so the next call reuses the array.
    private var steps: [Variable] = []
}

extension LSTM {
    /// Inference over `input: [T, B, I]` from `state` (zeros when `nil`), recording nothing.
    /// - Returns: the hidden state of every step `[T, B, H]`, and the final hidden and cell states.
    public func callAsFunction(_ input: Tensor, state: (hidden: Tensor, cell: Tensor)? = nil) -> (output: Tensor, hidden: Tensor, cell: Tensor) {
        Tape().evaluate { tape in
            let initial = state.map { LSTMState(hidden: tape.constant($0.hidden), cell: tape.constant($0.cell)) }
            let (output, final) = self(tape.constant(input), state: initial)
            return (output.value, final.hidden.value, final.cell.value)
        }
    }
}
