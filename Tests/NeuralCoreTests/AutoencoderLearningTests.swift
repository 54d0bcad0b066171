import NeuralCore
import Testing

/// An autoencoder compressing GridWorld-like frames (a 6×6 grid with an agent, a goal and
/// a few walls) through an 8-unit bottleneck.
struct AutoencoderLearningTests {
    /// Frames `[n, 36]`: walls 0.5 on a fixed pattern, goal 0.75, agent 1.
    static func frames(count: Int, using generator: inout SplitMix64) -> Tensor {
        let walls = [8, 9, 20, 26, 27]
        var values = [Float](repeating: 0, count: count * 36)
        for sample in 0..<count {
            for wall in walls { values[sample * 36 + wall] = 0.5 }
            let free = (0..<36).filter { !walls.contains($0) }
            values[sample * 36 + free[Int(generator.next() % UInt64(free.count))]] = 0.75
            values[sample * 36 + free[Int(generator.next() % UInt64(free.count))]] = 1
        }
        return Tensor(shape: [count, 36], scalars: values)
    }

    @Test func reconstructionErrorFallsByNinetyPercent() {
        var generator = SplitMix64(seed: 33)
        let model = Sequential([
            Linear(inputSize: 36, outputSize: 64, using: &generator), ReLU(),
            Linear(inputSize: 64, outputSize: 8, using: &generator), Tanh(),
            Linear(inputSize: 8, outputSize: 64, using: &generator), ReLU(),
            Linear(inputSize: 64, outputSize: 36, using: &generator),
        ])
        let heldOut = Variable(Self.frames(count: 200, using: &generator))
        let initial = meanSquaredError(model(heldOut), heldOut).value.scalar
        let optimizer = Adam(learningRate: 0.005)
        for _ in 0..<1000 {
            let batch = Variable(Self.frames(count: 64, using: &generator))
            _ = model.valueAndGradient { meanSquaredError($0(batch), batch) }
            optimizer.step(model.parameters)
        }
        let final = meanSquaredError(model(heldOut), heldOut).value.scalar
        #expect(final <= 0.1 * initial, "error \(initial) → \(final)")
    }
}
