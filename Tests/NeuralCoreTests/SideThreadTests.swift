import AllocationCounter
import Foundation
import NeuralCore
import Testing
import TestSupport

/// ``SideThread`` runs its work beside the caller's and returns only when both are done, with
/// the side's writes visible to the caller, over many back-to-back hand-offs and after it slept.
@Suite struct SideThreadTests {
    /// A counter the side thread bumps.
    final class Counter: @unchecked Sendable {
        var value = 0
    }

    @Test func bothSidesFinishAndTheirWritesAreSeen() {
        let counter = Counter()
        let side = SideThread { counter.value += 2 }
        var here = 0
        for round in 1...2_000 {
            side.run { here += 1 }
            #expect(here == round && counter.value == 2 * round)
        }
        // Long enough on the caller's side for the side thread to stop spinning and sleep.
        var sum = 0.0
        for index in 0..<5_000_000 { sum += Double(index & 7) }
        side.run { here += Int(sum) & 1 }
        #expect(counter.value == 4_002)
    }

    /// Two training steps on two tapes over disjoint parameters give, side by side, the
    /// gradients they give one after the other.
    @Test func stepsOnTwoTapesMatchSequentialSteps() {
        var generator = SplitMix64(seed: 9)
        let first = Linear(inputSize: 8, outputSize: 4, using: &generator)
        let second = Linear(inputSize: 8, outputSize: 4, using: &generator)
        let input = Tensor.uniform([32, 8], lower: -1, upper: 1, using: &generator)
        let (tapeA, tapeB) = (Tape(), Tape())
        func steps() -> [Tensor] {
            _ = tapeA.valueAndGradient(at: first.parameters) { first($0.constant(input)).squared().mean() }
            _ = tapeB.valueAndGradient(at: second.parameters) { second($0.constant(input)).tanh().mean() }
            return (first.parameters + second.parameters).compactMap(\.grad)
        }
        let sequential = steps()
        let side = SideThread { _ = tapeB.valueAndGradient(at: second.parameters) { second($0.constant(input)).tanh().mean() } }
        side.run { _ = tapeA.valueAndGradient(at: first.parameters) { first($0.constant(input)).squared().mean() } }
        let concurrent = (first.parameters + second.parameters).compactMap(\.grad)
        #expect(concurrent.count == 4 && concurrent == sequential)
    }

    /// A hand-off touches no heap, so training steps that use it stay allocation-free.
    @Test(.enabled(if: runsAllocationChecks, "allocation counts are promised for optimised builds"))
    func handOffAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            let counter = Counter()
            let side = SideThread { counter.value += 1 }
            var here = 0
            exit(TrainingAllocationTests.allocationsOfTenSteps { side.run { here += 1 } })
        }
    }
}
