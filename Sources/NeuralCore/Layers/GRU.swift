/// One step of a gated recurrent unit (Cho et al., 2014), like `nn.GRUCell`:
///
///     r = σ(W_ir·x + b_ir + W_hr·h + b_hr)
///     z = σ(W_iz·x + b_iz + W_hz·h + b_hz)
///     n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn))
///     h' = (1 - z)·n + z·h
public final class GRUCell: Module {
    let weights: RecurrentWeights

    /// Creates a cell with PyTorch's initialisation (uniform in `±1/√H`).
    public init(inputSize: Int, hiddenSize: Int, using generator: inout some RandomNumberGenerator) {
        weights = RecurrentWeights(inputSize: inputSize, hiddenSize: hiddenSize, gates: 3, using: &generator)
    }

    /// The hidden size `H`.
    public var hiddenSize: Int { weights.hiddenSize }

    /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` (gate order r, z, n).
    public var namedParameters: [(name: String, parameter: Variable)] { weights.named(suffix: "") }

    /// The four weights, stored.
    public var parameters: [Variable] { weights.all }

    /// The next hidden state `[B, H]` from one input `[B, I]`; a `nil` state starts from zeros.
    public func callAsFunction(_ input: Variable, state: Variable? = nil) -> Variable {
        let hidden = state ?? .zeros(onTapeOf: input, shape: .matrix(input.shape[0], hiddenSize))
        let (fromInput, fromHidden) = weights.projections(input: input, hidden: hidden)
        let reset = (weights.gate(0, of: fromInput) + weights.gate(0, of: fromHidden)).sigmoid()
        let update = (weights.gate(1, of: fromInput) + weights.gate(1, of: fromHidden)).sigmoid()
        let candidate = (weights.gate(2, of: fromInput) + reset * weights.gate(2, of: fromHidden)).tanh()
        return (1 - update) * candidate + update * hidden
    }
}

/// A single-layer GRU over a sequence `[T, B, I]` (time first, like `nn.GRU`), named like
/// PyTorch's (`weight_ih_l0`, ...). Pass the returned state to the next call to carry memory.
public final class GRU: Module {
    /// The cell applied at every step.
    public let cell: GRUCell

    /// Creates the layer with PyTorch's initialisation.
    public init(inputSize: Int, hiddenSize: Int, using generator: inout some RandomNumberGenerator) {
        cell = GRUCell(inputSize: inputSize, hiddenSize: hiddenSize, using: &generator)
    }

    /// `weight_ih_l0`, `weight_hh_l0`, `bias_ih_l0`, `bias_hh_l0`.
    public var namedParameters: [(name: String, parameter: Variable)] { cell.weights.named(suffix: "_l0") }

    /// The four weights, stored.
    public var parameters: [Variable] { cell.weights.all }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .gru(inputSize: cell.weights.inputWeight.shape[1], hiddenSize: cell.hiddenSize) }

    /// Runs the cell over every step of `input: [T, B, I]`.
    /// - Returns: the hidden state of every step `[T, B, H]` and the final one `[B, H]`.
    public func callAsFunction(_ input: Variable, state: Variable? = nil) -> (output: Variable, state: Variable) {
        var current = state ?? .zeros(onTapeOf: input, shape: .matrix(input.shape[1], cell.hiddenSize))
        let output = unrolled(input, reusing: &steps) { step in
            current = cell(step, state: current)
            return current
        }
        return (output, current)
    }

    /// The per-step outputs of the last call, kept so the next call reuses the array.
    private var steps: [Variable] = []
}

extension GRU {
    /// Inference over `input: [T, B, I]` from `state` (zeros when `nil`), recording nothing.
    /// - Returns: the hidden state of every step `[T, B, H]` and the final one `[B, H]`.
    public func callAsFunction(_ input: Tensor, state: Tensor? = nil) -> (output: Tensor, state: Tensor) {
        Tape().evaluate { tape in
            let (output, final) = self(tape.constant(input), state: state.map(tape.constant))
            return (output.value, final.value)
        }
    }
}
