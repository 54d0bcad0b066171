import Foundation
import NeuralCore
import Testing

/// The operations RL losses use, on hand-computed values (their gradients are in the gradient checks).
struct LearnerOperationTests {
    @Test func maskedMaxAndArgmaxSkipIllegalActions() {
        let q = Tensor(shape: [2, 3], scalars: [5, 1, 2, 0, 9, 3])
        let legal = [false, true, true, true, false, true]
        #expect(q.maskedArgmax(alongLastAxisBy: legal) == [2, 2])
        #expect(q.maskedMax(alongLastAxisBy: legal) == Tensor([2, 3]))
        let variable = Variable(q, requiresGradient: true)
        #expect(variable.maskedArgmax(alongLastAxisBy: legal) == [2, 2])
        variable.maskedMax(alongLastAxisBy: legal).sum().backward()
        #expect(variable.grad == Tensor(shape: [2, 3], scalars: [0, 0, 1, 0, 0, 1]))
    }

    @Test func gatherOnTensorsPicksOneEntryPerRow() {
        let q = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        #expect(q.gathering([1, 0, 1]) == Tensor([2, 3, 6]))
    }

    @Test func perSampleLossesKeepOneTermPerElement() {
        let prediction = Variable(Tensor([1, 2, 5]))
        let target = Variable(Tensor([1, 0, 2]))
        #expect(huberLoss(prediction, target, reduction: .none).value == Tensor([0, 1.5, 2.5]))
        #expect(meanSquaredError(prediction, target, reduction: .sum).value.scalar == 13)
        let logits = Variable(Tensor(shape: [2, 2], scalars: [0, 0, 0, 0]))
        #expect(crossEntropyPerRow(logits: logits, labels: [0, 1]).value.scalars.allSatisfy { abs($0 - Float(log(2.0))) < 1e-6 })
    }

    /// PyTorch's `std` (unbiased) and SB3's advantage normalisation.
    @Test func standardDeviationAndNormalisation() {
        let values = Tensor([1, 2, 3, 4])
        #expect(abs(values.standardDeviation().scalar - 1.2909944) < 1e-6)
        #expect(abs(values.standardDeviation(correction: 0).scalar - 1.1180340) < 1e-6)
        let rows = Tensor(shape: [2, 2], scalars: [1, 3, 2, 6])
        #expect(rows.standardDeviation(alongAxes: [1]) == Tensor([Float(2).squareRoot(), Float(8).squareRoot()]))
        let normalized = Variable(values).normalized().value
        #expect(abs(normalized.mean().scalar) < 1e-6 && abs(normalized.standardDeviation().scalar - 1) < 1e-6)
    }
}
