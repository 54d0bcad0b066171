import NeuralCore
import Testing

/// Transfer: convolution features learned on the three-way bar task speed up a related task,
/// telling straight (horizontal or vertical) from diagonal bars, compared with training from scratch.
struct TransferLearningTests {
    /// Trains `head` on top of `features` for the straight-vs-diagonal task and returns the
    /// number of steps until held-out accuracy reaches 95% (or the step limit).
    static func stepsToLearnStraightVersusDiagonal(features: Sequential, seed: UInt64) -> Int {
        var generator = SplitMix64(seed: seed)
        let head = Linear(inputSize: 6 * 4 * 4, outputSize: 2, using: &generator)
        let model = Sequential([features, head])
        let optimizer = Adam(learningRate: 0.01)
        let (testImages, testBars) = ConvolutionLearningTests.bars(count: 200, using: &generator)
        let testLabels = testBars.map { $0 == 2 ? 1 : 0 }
        for step in 1...200 {
            let (images, bars) = ConvolutionLearningTests.bars(count: 32, using: &generator)
            _ = model.valueAndGradient { crossEntropy(logits: $0(Variable(images)), labels: bars.map { $0 == 2 ? 1 : 0 }) }
            optimizer.step(model.parameters)
            if step % 5 == 0 {
                let predictions = model(testImages).argmax(alongAxis: 1)
                if zip(predictions, testLabels).filter({ $0 == $1 }).count >= 190 { return step }
            }
        }
        return 200
    }

    static func features(using generator: inout SplitMix64) -> Sequential {
        Sequential([Conv2D(inChannels: 1, outChannels: 6, kernelSize: 3, padding: 1, using: &generator), ReLU(), MaxPool2D(kernelSize: 2), Flatten()])
    }

    @Test func pretrainedFeaturesLearnTheRelatedTaskFaster() {
        var generator = SplitMix64(seed: 8)
        let pretrained = Self.features(using: &generator)
        let pretrainingHead = Linear(inputSize: 6 * 4 * 4, outputSize: 3, using: &generator)
        let pretraining = Sequential([pretrained, pretrainingHead])
        let optimizer = Adam(learningRate: 0.01)
        for _ in 0..<120 {
            let (images, labels) = ConvolutionLearningTests.bars(count: 32, using: &generator)
            _ = pretraining.valueAndGradient { crossEntropy(logits: $0(Variable(images)), labels: labels) }
            optimizer.step(pretraining.parameters)
        }
        let scratch = Self.features(using: &generator)
        let transferSteps = Self.stepsToLearnStraightVersusDiagonal(features: pretrained, seed: 100)
        let scratchSteps = Self.stepsToLearnStraightVersusDiagonal(features: scratch, seed: 100)
        #expect(transferSteps < scratchSteps, "fine-tuned in \(transferSteps) steps, from scratch \(scratchSteps)")
    }
}
