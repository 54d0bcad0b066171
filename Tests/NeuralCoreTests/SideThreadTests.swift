import AllocationCounter
import Foundation
import Synchronization
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

    /// A tape that hands weight gradients to a side thread gives the gradients of one that does
    /// not, bit for bit: over repeated steps (buffers reused and exchanged), and for a weight
    /// used twice, whose second contribution arrives while the side thread writes the first.
    @Test func weightGradientsOnTheSideThreadMatchOneThread() {
        var generator = SplitMix64(seed: 11)
        let first = Linear(inputSize: 8, outputSize: 48, using: &generator)
        let twice = Linear(inputSize: 48, outputSize: 48, using: &generator)
        let parameters = first.parameters + twice.parameters
        func gradients(on tape: Tape) -> [[Tensor]] {
            var inputs = SplitMix64(seed: 12)
            return (0..<4).map { _ in
                let input = Tensor.uniform([16, 8], lower: -1, upper: 1, using: &inputs)
                _ = tape.valueAndGradient(at: parameters) { tape in
                    twice(twice(first(tape.constant(input)).tanh()).relu()).squared().mean()
                }
                return parameters.compactMap(\.grad)
            }
        }
        let sideTape = Tape()
        sideTape.sideThread = SideThread()
        let expected = gradients(on: Tape())
        #expect(expected.allSatisfy { $0.count == 4 } && gradients(on: sideTape) == expected)
    }

    /// ``SideThread/split(_:granule:_:)`` covers the range exactly once, in two parts that meet
    /// at a multiple of the granule.
    @Test func splitCoversTheRangeOnce() {
        final class Visits: SplitWork {
            var counts: UnsafeMutableBufferPointer<Int>
            let parts = Mutex<[Range<Int>]>([])
            init(_ count: Int) { counts = .allocate(capacity: count); counts.initialize(repeating: 0) }
            deinit { counts.deallocate() }
            func perform(_ range: Range<Int>) {
                for index in range { counts[index] += 1 }
                parts.withLock { $0.append(range) }
            }
        }
        let side = SideThread()
        for count in [0, 1, 15, 16, 17, 33, 1_000, 10_007] {
            let work = Visits(count)
            side.split(count, granule: 16, work)
            let visits = Array(work.counts)
            let sorted = work.parts.withLock { $0.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) } }
            let (first, second) = (sorted.first, sorted.last)
            #expect(sorted.count == 2, "count \(count)")
            #expect(visits.allSatisfy { $0 == 1 }, "count \(count)")
            #expect(first?.lowerBound == 0 && first?.upperBound == second?.lowerBound && second?.upperBound == count, "count \(count)")
            #expect((first?.count ?? 1) % 16 == 0 || first?.upperBound == count, "count \(count)")
        }
    }

    /// Adam given a side thread updates large parameters half there, bit-identical to one thread,
    /// whatever the size's remainder in the kernel's blocks.
    @Test func adamWithASideThreadMatchesOneThread() {
        var generator = SplitMix64(seed: 13)
        let initial = [Tensor.uniform([10_007], lower: -1, upper: 1, using: &generator), Tensor.uniform([256, 64], lower: -1, upper: 1, using: &generator)]
        let gradients = (0..<3).map { _ in initial.map { Tensor.uniform($0.shape, lower: -1, upper: 1, using: &generator) } }
        func trained(_ optimizer: Adam) -> [Tensor] {
            let parameters = initial.map { Variable($0, requiresGradient: true) }
            for step in gradients {
                for (parameter, gradient) in zip(parameters, step) { parameter.grad = gradient }
                optimizer.step(parameters)
            }
            return parameters.map(\.value)
        }
        let split = Adam(learningRate: 1e-2)
        split.sideThread = SideThread()
        let expected = trained(Adam(learningRate: 1e-2))
        #expect(expected != initial && trained(split) == expected)
    }

    /// Adam given a side thread and parameters too small to split each (a policy's layers)
    /// updates the second half of the list there, bit-identical to one thread; a parameter
    /// without a gradient stays as it was.
    @Test func adamSharesSmallParametersOutWithTheSameResults() {
        var generator = SplitMix64(seed: 17)
        let shapes = [[64, 4], [64], [64, 64], [64], [2, 64], [2], [1, 64], [1], [3]]
        let initial = shapes.map { Tensor.uniform($0, lower: -1, upper: 1, using: &generator) }
        let gradients = (0..<3).map { _ in initial.map { Tensor.uniform($0.shape, lower: -1, upper: 1, using: &generator) } }
        func trained(_ optimizer: Adam) -> [Tensor] {
            let parameters = initial.map { Variable($0, requiresGradient: true) }
            for step in gradients {
                for (index, (parameter, gradient)) in zip(parameters, step).enumerated() { parameter.grad = index == 3 ? nil : gradient }
                optimizer.step(parameters)
            }
            return parameters.map(\.value)
        }
        let shared = Adam(learningRate: 1e-2, epsilon: 1e-5)
        shared.sideThread = SideThread()
        let expected = trained(Adam(learningRate: 1e-2, epsilon: 1e-5))
        #expect(expected != initial && expected[3] == initial[3])
        #expect(trained(shared) == expected)
    }

    /// Adam's step shares a large parameter with the side thread without touching the heap.
    @Test(.enabled(if: runsAllocationChecks, "allocation counts are promised for optimised builds"))
    func sharedAdamStepAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            var generator = SplitMix64(seed: 19)
            let parameter = Variable(Tensor.uniform([10_007], lower: -1, upper: 1, using: &generator), requiresGradient: true)
            parameter.grad = Tensor.uniform([10_007], lower: -1, upper: 1, using: &generator)
            let (parameters, optimizer) = ([parameter], Adam(learningRate: 1e-3))
            optimizer.sideThread = SideThread()
            exit(TrainingAllocationTests.allocationsOfTenSteps { optimizer.step(parameters) })
        }
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
