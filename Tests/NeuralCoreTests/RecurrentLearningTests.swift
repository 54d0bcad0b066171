import NeuralCore
import Testing

/// LSTM and GRU learning to recall the first bit of a sequence after a delay of distractor bits,
/// which needs memory across time steps.
struct RecurrentLearningTests {
    static let length = 6

    /// One-hot sequences `[T, n, 2]` and their first bits.
    static func sequences(count: Int, using generator: inout SplitMix64) -> (inputs: Tensor, labels: [Int]) {
        var values = [Float](repeating: 0, count: length * count * 2)
        var labels = [Int](repeating: 0, count: count)
        for sample in 0..<count {
            for step in 0..<length {
                let bit = Int(generator.next() % 2)
                if step == 0 { labels[sample] = bit }
                values[(step * count + sample) * 2 + bit] = 1
            }
        }
        return (Tensor(shape: [length, count, 2], scalars: values), labels)
    }

    enum Cell: String, CaseIterable, Sendable {
        case lstm, gru
    }

    @Test(arguments: Cell.allCases)
    func recallsTheFirstSymbol(_ cell: Cell) {
        var generator = SplitMix64(seed: 9)
        let lstm = LSTM(inputSize: 2, hiddenSize: 12, using: &generator)
        let gru = GRU(inputSize: 2, hiddenSize: 12, using: &generator)
        let head = Linear(inputSize: 12, outputSize: 2, using: &generator)
        func logits(_ inputs: Tensor) -> Variable {
            let final = cell == .lstm ? lstm(Variable(inputs)).state.hidden : gru(Variable(inputs)).state
            return head(final)
        }
        let parameters = (cell == .lstm ? lstm.parameters : gru.parameters) + head.parameters
        let optimizer = Adam(learningRate: 0.03)
        for _ in 0..<150 {
            let (inputs, labels) = Self.sequences(count: 32, using: &generator)
            _ = valueAndGradient(at: parameters) { crossEntropy(logits: logits(inputs), labels: labels) }
            optimizer.step(parameters)
        }
        let (inputs, labels) = Self.sequences(count: 200, using: &generator)
        let predictions = logits(inputs).value.argmax(alongAxis: 1)
        let accuracy = Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(labels.count)
        #expect(accuracy >= 0.95, "\(cell) accuracy \(accuracy)")
    }
}
