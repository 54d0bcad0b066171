import Foundation
import NeuralCore
import Testing

struct DistributionTests {
    @Test func maskedActionsHaveZeroProbability() {
        let logits = Variable(Tensor(shape: [1, 4], scalars: [5, 1, 0, 9]), requiresGradient: true)
        let policy = Categorical(logits: logits, mask: [[true, true, true, false]])
        #expect(policy.probabilities.value[0, 3] == 0)
        #expect(abs(policy.probabilities.value.sum().scalar - 1) < 1e-6)
        #expect(policy.argmax() == [0])
        var generator = SplitMix64(seed: 1)
        for _ in 0..<200 { #expect(policy.sample(using: &generator) != [3]) }
        policy.entropy().sum().backward()
        #expect(logits.grad?[0, 3] == 0)
        #expect(policy.entropy().value.scalars.allSatisfy { $0.isFinite })
    }

    @Test func entropyOfUniformIsLogN() {
        let policy = Categorical(logits: Variable(Tensor.zeros([2, 4])), mask: [[true, true, true, true], [true, false, true, false]])
        let entropy = policy.entropy().value.scalars
        #expect(abs(entropy[0] - Float(log(4.0))) < 1e-6)
        #expect(abs(entropy[1] - Float(log(2.0))) < 1e-6)
    }

    @Test func samplingFollowsProbabilities() {
        let policy = Categorical(logits: Variable(Tensor(shape: [1, 3], scalars: [0, Float(log(2.0)), Float(log(7.0))])))
        var generator = SplitMix64(seed: 2)
        var counts = [0, 0, 0]
        for _ in 0..<10000 { counts[policy.sample(using: &generator)[0]] += 1 }
        #expect(abs(Double(counts[0]) / 10000 - 0.1) < 0.015)
        #expect(abs(Double(counts[1]) / 10000 - 0.2) < 0.015)
        #expect(abs(Double(counts[2]) / 10000 - 0.7) < 0.015)
        #expect(abs(policy.logProbability(of: [2]).value.scalar - Float(log(0.7))) < 1e-6)
    }

    @Test func gaussianMatchesClosedForms() {
        let gaussian = DiagonalGaussian(mean: Variable(Tensor(shape: [1, 2], scalars: [0, 1])), logStandardDeviation: Variable(Tensor([0, Float(log(2.0))])))
        let logProb = gaussian.logProbability(of: Tensor(shape: [1, 2], scalars: [1, 1])).value.scalar
        let expected = (-0.5 - 0.5 * log(2 * Double.pi)) + (-log(2.0) - 0.5 * log(2 * Double.pi))
        #expect(abs(Double(logProb) - expected) < 1e-5)
        let entropy = gaussian.entropy().value.scalar
        #expect(abs(Double(entropy) - (log(2.0) + log(2 * Double.pi * M_E))) < 1e-5)
        var generator = SplitMix64(seed: 3)
        var total: [Double] = [0, 0]
        var squares: [Double] = [0, 0]
        for _ in 0..<5000 {
            let sample = gaussian.sample(using: &generator).scalars
            for index in 0..<2 {
                total[index] += Double(sample[index])
                squares[index] += Double(sample[index] * sample[index])
            }
        }
        #expect(abs(total[1] / 5000 - 1) < 0.1)
        #expect(abs((squares[1] / 5000 - pow(total[1] / 5000, 2)).squareRoot() - 2) < 0.1)
        #expect(gaussian.mode == Tensor(shape: [1, 2], scalars: [0, 1]))
    }
}
