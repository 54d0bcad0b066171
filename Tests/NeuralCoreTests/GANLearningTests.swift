import Foundation
import NeuralCore
import Testing

/// A GAN (Goodfellow et al., 2014) whose generator learns a 1-D mixture of two Gaussians,
/// `½N(1, 0.3²) + ½N(3, 0.3²)`, with mean 2 and standard deviation √(0.09 + 1) ≈ 1.044.
struct GANLearningTests {
    static func realSamples(_ count: Int, using generator: inout SplitMix64) -> Tensor {
        let noise = Tensor.normal([count, 1], standardDeviation: 0.3, using: &generator)
        let centers = Tensor(shape: [count, 1], scalars: (0..<count).map { _ in generator.next() % 2 == 0 ? 1 : 3 })
        return centers + noise
    }

    @Test func generatorMatchesMixtureMeanAndSpread() {
        var generator = SplitMix64(seed: 77)
        let makeGenerator = Sequential([
            Linear(inputSize: 4, outputSize: 32, using: &generator), LeakyReLU(slope: 0.2),
            Linear(inputSize: 32, outputSize: 32, using: &generator), LeakyReLU(slope: 0.2),
            Linear(inputSize: 32, outputSize: 1, using: &generator),
        ])
        let discriminator = Sequential([
            Linear(inputSize: 1, outputSize: 32, using: &generator), LeakyReLU(slope: 0.2),
            Linear(inputSize: 32, outputSize: 32, using: &generator), LeakyReLU(slope: 0.2),
            Linear(inputSize: 32, outputSize: 1, using: &generator),
        ])
        let generatorOptimizer = Adam(learningRate: 5e-4, betas: (0.5, 0.999))
        let discriminatorOptimizer = Adam(learningRate: 5e-4, betas: (0.5, 0.999))
        let batch = 64
        let ones = Variable(Tensor.ones([batch, 1]))
        let zeros = Variable(Tensor.zeros([batch, 1]))
        for _ in 0..<2500 {
            // MARK: - Discriminator: real → 1, generated → 0
            let real = Variable(Self.realSamples(batch, using: &generator))
            let fake = Variable(makeGenerator(Tensor.normal([batch, 4], using: &generator)))
            _ = discriminator.valueAndGradient { d in
                binaryCrossEntropy(logits: d(real), targets: ones) + binaryCrossEntropy(logits: d(fake), targets: zeros)
            }
            discriminatorOptimizer.step(discriminator.parameters)
            // MARK: - Generator: make the discriminator say 1
            let noise = Variable(Tensor.normal([batch, 4], using: &generator))
            _ = makeGenerator.valueAndGradient { g in binaryCrossEntropy(logits: discriminator(g(noise)), targets: ones) }
            generatorOptimizer.step(makeGenerator.parameters)
        }
        let samples = makeGenerator(Tensor.normal([4000, 4], using: &generator)).scalars.map(Double.init)
        let mean = samples.reduce(0, +) / Double(samples.count)
        let deviation = (samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)).squareRoot()
        #expect(abs(mean - 2) <= 0.2, "mean \(mean)")
        #expect(abs(deviation - 1.044) <= 0.1044, "standard deviation \(deviation)")
    }
}
