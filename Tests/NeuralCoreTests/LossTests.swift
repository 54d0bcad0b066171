import Foundation
import NeuralCore
import Testing

struct LossTests {
    /// Losses and distribution terms, gradient-checked like every other op (``gradientError(of:step:analyticScale:)``).
    static let losses: [GradientCase] = [
        pair("mean squared error", [3, 2]) { meanSquaredError($0, $1) },
        pair("huber", [3, 2]) { huberLoss($0 * 2, $1, delta: 0.5) },
        pair("binary cross-entropy", [4]) { binaryCrossEntropy(logits: $0, targets: $1.sigmoid()) },
        single("cross-entropy", [3, 4]) { crossEntropy(logits: $0, labels: [1, 3, 0]) },
        single("cross-entropy per row", [3, 4]) { crossEntropyPerRow(logits: $0, labels: [1, 3, 0]) },
        pair("huber per element", [3, 2]) { huberLoss($0 * 2, $1, delta: 0.5, reduction: .none) },
        pair("squared error summed", [3, 2]) { meanSquaredError($0, $1, reduction: .sum) },
        single("cross-entropy masked", [3, 4]) { crossEntropy(logits: $0, labels: [1, 3, 0], mask: [true, false, true]) },
        single("categorical log-prob masked", [2, 3]) {
            Categorical(logits: $0, mask: [[true, false, true], [true, true, false]]).logProbability(of: [2, 1])
        },
        single("categorical entropy masked", [2, 3]) {
            Categorical(logits: $0, mask: [[true, false, true], [true, true, true]]).entropy()
        },
        pair("gaussian log-prob", [2, 3]) {
            DiagonalGaussian(mean: $0, logStandardDeviation: $1 * 0.3).logProbability(of: Tensor(shape: [2, 3], scalars: [0.5, -1, 0, 2, 0.1, -0.3]))
        },
        pair("gaussian entropy", [2, 3]) { DiagonalGaussian(mean: $0, logStandardDeviation: $1).entropy() },
    ]

    @Test(arguments: losses)
    func lossGradientMatchesFiniteDifferences(_ testCase: GradientCase) {
        let error = gradientError(of: testCase)
        #expect(error <= testCase.tolerance, "error \(error)")
    }

    @Test func lossValues() {
        let prediction = Variable(Tensor([1, 2, 5]))
        let target = Variable(Tensor([1, 0, 2]))
        #expect(meanSquaredError(prediction, target).value.scalar == Float(0 + 4 + 9) / 3)
        #expect(huberLoss(prediction, target).value.scalar == Float(0 + 1.5 + 2.5) / 3)
        let logits = Variable(Tensor(shape: [1, 2], scalars: [0, 0]))
        #expect(abs(crossEntropy(logits: logits, labels: [1]).value.scalar - Float(log(2.0))) < 1e-6)
        let bce = binaryCrossEntropy(logits: Variable(Tensor([0, 2])), targets: Variable(Tensor([1, 0]))).value.scalar
        let expected = (log(2.0) + log(1 + exp(2.0))) / 2
        #expect(abs(bce - Float(expected)) < 1e-6)
    }

    static func single(_ name: String, _ shape: [Int], _ function: @escaping @Sendable (Variable) -> Variable) -> GradientCase {
        GradientCase(name) {
            let input = Variable(randomTensor(shape, seed: 11), requiresGradient: true)
            return ([input], { function(input) })
        }
    }

    static func pair(_ name: String, _ shape: [Int], _ function: @escaping @Sendable (Variable, Variable) -> Variable) -> GradientCase {
        GradientCase(name) {
            let first = Variable(randomTensor(shape, seed: 12), requiresGradient: true)
            let second = Variable(randomTensor(shape, seed: 13), requiresGradient: true)
            return ([first, second], { function(first, second) })
        }
    }
}
