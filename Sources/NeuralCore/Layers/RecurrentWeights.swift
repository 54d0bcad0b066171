/// The four parameters shared by PyTorch-style recurrent cells: input and hidden
/// weights `[gates·H, I]`, `[gates·H, H]` and their biases, initialised uniform in `±1/√H`.
struct RecurrentWeights {
    let inputWeight: Variable
    let hiddenWeight: Variable
    let inputBias: Variable
    let hiddenBias: Variable
    /// The four, in PyTorch's order.
    let all: [Variable]

    init(inputSize: Int, hiddenSize: Int, gates: Int, using generator: inout some RandomNumberGenerator) {
        let bound = 1 / Float(hiddenSize).squareRoot()
        func draw(_ shape: [Int], _ generator: inout some RandomNumberGenerator) -> Variable {
            Variable(Tensor.uniform(shape, lower: -bound, upper: bound, using: &generator), requiresGradient: true)
        }
        inputWeight = draw([gates * hiddenSize, inputSize], &generator)
        hiddenWeight = draw([gates * hiddenSize, hiddenSize], &generator)
        inputBias = draw([gates * hiddenSize], &generator)
        hiddenBias = draw([gates * hiddenSize], &generator)
        all = [inputWeight, hiddenWeight, inputBias, hiddenBias]
    }

    var hiddenSize: Int { hiddenWeight.shape[1] }

    /// Parameters named as PyTorch names them, with `suffix` (`""` for cells, `"_l0"` for sequence layers).
    func named(suffix: String) -> [(name: String, parameter: Variable)] {
        [("weight_ih\(suffix)", inputWeight), ("weight_hh\(suffix)", hiddenWeight),
         ("bias_ih\(suffix)", inputBias), ("bias_hh\(suffix)", hiddenBias)]
    }

    /// `x·W_ihᵀ + b_ih` and `h·W_hhᵀ + b_hh`, each `[B, gates·H]`.
    func projections(input: Variable, hidden: Variable) -> (input: Variable, hidden: Variable) {
        precondition(input.value.rank == 2 && input.shape[1] == inputWeight.shape[1], "expected input [B, \(inputWeight.shape[1])], got \(input.shape)")
        return (Variable.linear(input, weight: inputWeight, bias: inputBias), Variable.linear(hidden, weight: hiddenWeight, bias: hiddenBias))
    }

    /// Splits `[B, gates·H]` into its `H`-wide gate blocks.
    func gate(_ index: Int, of projection: Variable) -> Variable {
        projection.sliced(alongAxis: 1, (index * hiddenSize)..<((index + 1) * hiddenSize))
    }
}

/// Runs `step` on every time step `[B, I]` of `input: [T, B, I]` and stacks the `[B, H]` states
/// it returns into `[T, B, H]`. `steps` holds the per-step results during the call and keeps
/// its storage for the next one.
/// - Precondition: `input` has rank 3.
func unrolled(_ input: Variable, reusing steps: inout [Variable], _ step: (Variable) -> Variable) -> Variable {
    precondition(input.value.rank == 3, "expected input [T, B, I], got \(input.shape)")
    let stepShape = input.value.extents.removing(0)
    defer { steps.removeAll(keepingCapacity: true) }
    for time in 0..<input.shape[0] {
        let hidden = step(input.sliced(alongAxis: 0, time..<(time + 1)).reshaped(to: stepShape))
        var stacked = Extents(ones: 3)
        stacked[1] = hidden.shape[0]
        stacked[2] = hidden.shape[1]
        steps.append(hidden.reshaped(to: stacked))
    }
    return Variable.concatenate(steps, alongAxis: 0)
}
