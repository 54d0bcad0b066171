import NeuralCore
import Testing

/// A small CNN learning to tell horizontal, vertical and diagonal bars apart in noisy 8×8 images.
struct ConvolutionLearningTests {
    /// A batch of images `[n, 1, 8, 8]` with labels 0 (horizontal), 1 (vertical), 2 (diagonal).
    static func bars(count: Int, using generator: inout SplitMix64) -> (images: Tensor, labels: [Int]) {
        var pixels = [Float](repeating: 0, count: count * 64)
        var labels: [Int] = []
        for sample in 0..<count {
            let label = Int(generator.next() % 3)
            let offset = Int(generator.next() % 8)
            labels.append(label)
            for index in 0..<8 {
                let (row, column) = switch label {
                case 0: (offset, index)
                case 1: (index, offset)
                default: (index, (index + offset) % 8)
                }
                pixels[sample * 64 + row * 8 + column] = 1
            }
        }
        let noise = Tensor.normal([count, 1, 8, 8], standardDeviation: 0.3, using: &generator)
        return (Tensor(shape: [count, 1, 8, 8], scalars: pixels) + noise, labels)
    }

    @Test func cnnClassifiesBarsOnHeldOutImages() {
        var generator = SplitMix64(seed: 5)
        let model = Sequential([
            Conv2D(inChannels: 1, outChannels: 6, kernelSize: 3, padding: 1, using: &generator), ReLU(),
            MaxPool2D(kernelSize: 2), Flatten(),
            Linear(inputSize: 6 * 4 * 4, outputSize: 3, using: &generator),
        ])
        let optimizer = Adam(learningRate: 0.01)
        for _ in 0..<120 {
            let (images, labels) = Self.bars(count: 32, using: &generator)
            _ = model.valueAndGradient { crossEntropy(logits: $0(Variable(images)), labels: labels) }
            optimizer.step(model.parameters)
        }
        let (images, labels) = Self.bars(count: 300, using: &generator)
        let predictions = model(images).argmax(alongAxis: 1)
        let accuracy = Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(labels.count)
        #expect(accuracy >= 0.95, "accuracy \(accuracy)")
    }
}
