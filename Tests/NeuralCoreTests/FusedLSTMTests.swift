import NeuralCore
import Testing

/// The fused LSTM against the same equations written with ordinary operations: forward values
/// bit for bit, gradients to rounding.
struct FusedLSTMTests {
    /// One step of the cell as separate operations (gate order i, f, g, o, as PyTorch's).
    static func composedStep(_ x: Variable, _ h: Variable, _ c: Variable, _ weights: [Variable], hidden: Int) -> (Variable, Variable) {
        let gates = Variable.linear(x, weight: weights[0], bias: weights[2]) + Variable.linear(h, weight: weights[1], bias: weights[3])
        func gate(_ index: Int) -> Variable { gates.sliced(alongAxis: 1, (index * hidden)..<((index + 1) * hidden)) }
        let cell = gate(1).sigmoid() * c + gate(0).sigmoid() * gate(2).tanh()
        return (gate(3).sigmoid() * cell.tanh(), cell)
    }

    @Test func fusedSequenceEqualsTheComposedEquations() {
        var generator = SplitMix64(seed: 31)
        let lstm = LSTM(inputSize: 3, hiddenSize: 4, using: &generator)
        let input = Variable(Tensor.normal([5, 2, 3], using: &generator), requiresGradient: true)
        let h0 = Variable(Tensor.normal([2, 4], using: &generator), requiresGradient: true)
        let c0 = Variable(Tensor.normal([2, 4], using: &generator), requiresGradient: true)
        let weights = lstm.parameters
        let probe = Tensor.normal([5, 2, 4], using: &generator)

        let (fusedOutput, fusedState) = lstm(input, state: LSTMState(hidden: h0, cell: c0))
        var (h, c) = (h0, c0)
        var outputs: [Variable] = []
        for step in 0..<5 {
            (h, c) = Self.composedStep(input.sliced(alongAxis: 0, step..<(step + 1)).reshaped(to: [2, 3]), h, c, weights, hidden: 4)
            outputs.append(h.reshaped(to: [1, 2, 4]))
        }
        let composedOutput = Variable.concatenate(outputs, alongAxis: 0)
        #expect(fusedOutput.value == composedOutput.value)
        #expect(fusedState.hidden.value == h.value && fusedState.cell.value == c.value)

        func gradients(_ loss: () -> Variable) -> [Tensor] {
            valueAndGradient(at: weights + [input, h0, c0], of: loss).gradients
        }
        let fused = gradients {
            let (output, state) = lstm(input, state: LSTMState(hidden: h0, cell: c0))
            return (output * Variable(probe)).sum() + state.cell.squared().sum()
        }
        let composed = gradients {
            var (h, c) = (h0, c0)
            var loss = Variable(Tensor(0))
            for step in 0..<5 {
                (h, c) = Self.composedStep(input.sliced(alongAxis: 0, step..<(step + 1)).reshaped(to: [2, 3]), h, c, weights, hidden: 4)
                loss = loss + (h * Variable(probe.sliced(alongAxis: 0, step..<(step + 1)).reshaped(to: [2, 4]))).sum()
            }
            return loss + c.squared().sum()
        }
        for (a, b) in zip(fused, composed) {
            #expect(isApproximatelyEqual(a.scalars, b.scalars, tolerance: 1e-5), "\(a.shape)")
        }
    }
}
