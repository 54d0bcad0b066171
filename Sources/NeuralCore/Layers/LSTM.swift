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
        precondition(input.value.rank == 2, "expected input [B, I], got \(input.shape)")
        var sequence = Extents(ones: 3)
        (sequence[1], sequence[2]) = (input.shape[0], input.shape[1])
        let packed = weights.sequence(input.reshaped(to: sequence), state: state)
        return LSTMState(hidden: packed.step(0), cell: packed.step(1))
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
        precondition(input.value.rank == 3, "expected input [T, B, I], got \(input.shape)")
        let steps = input.shape[0]
        let packed = cell.weights.sequence(input, state: state)
        return (packed.sliced(alongAxis: 0, 0..<steps), LSTMState(hidden: packed.step(steps - 1), cell: packed.step(steps)))
    }
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

extension RecurrentWeights {
    /// The fused LSTM (``Variable/lstmSequence(_:inputWeight:hiddenWeight:inputBias:hiddenBias:initial:)``)
    /// over `input: [T, B, I]`, packed as `[T + 1, B, H]`: the hidden states, then the last cell state.
    func sequence(_ input: Variable, state: LSTMState?) -> Variable {
        Variable.lstmSequence(
            input, inputWeight: inputWeight, hiddenWeight: hiddenWeight, inputBias: inputBias, hiddenBias: hiddenBias,
            initial: state.map { ($0.hidden, $0.cell) })
    }
}

extension Variable {
    /// Entry `index` of the first axis as `[B, H]` (a step of a packed LSTM result).
    func step(_ index: Int) -> Variable {
        sliced(alongAxis: 0, index..<(index + 1)).reshaped(to: value.extents.removing(0))
    }
}
