import Agents
import AllocationCounter
import Dojo
import Foundation
import NeuralCore
import Testing
import TestSupport

/// DQN's gradient step in steady state (replay sampling, the update on the tape, clipping,
/// Adam, the priority update) must not touch the heap, in every variant. Each check runs in
/// its own process (an exit test) so allocations of tests running in parallel are not
/// counted; the exit code is the number of allocations over ten steps (capped at 99).
@Suite(.enabled(if: runsAllocationChecks, "allocation-free training is promised for optimised builds, and counted through glibc's malloc"))
struct DQNAllocationTests {
    /// Allocations of ten sample-and-update steps after three that size every buffer, on a
    /// 4-64-64-3 network and a buffer of random transitions (every third action illegal next).
    static func allocationsOfTenSteps(doubleQ: Bool, dueling: Bool, masks: Bool, prioritized: Bool) -> Int32 {
        var generator = SeededGenerator(seed: 7)
        let network = QNetwork(
            observationSize: 4, actionCount: 3, hiddenSizes: [64, 64], activation: .relu, dueling: dueling, using: &generator)
        let learner = DQNLearner(online: network, learningRate: 1e-3, doubleQ: doubleQ, maxGradNorm: 10, usesMasks: masks, batchSize: 32)
        var buffer = ReplayBuffer(capacity: 256, observationSize: 4, actionCount: 3, storesMasks: masks, prioritized: prioritized)
        var rows = Tensor.normal([2, 4], using: &generator)
        for index in 0..<buffer.capacity {
            rows.fillNormal(using: &generator)
            let nextMask = (0..<3).map { $0 != index % 3 }
            rows.scalars.withUnsafeBufferPointer { values in
                nextMask.withUnsafeBufferPointer { mask in
                    buffer.add(
                        observation: UnsafeBufferPointer(rebasing: values[0..<4]), action: index % 3, reward: 1,
                        nextObservation: UnsafeBufferPointer(rebasing: values[4..<8]), terminated: index % 5 == 0, discount: 0.99,
                        nextMask: mask)
                }
            }
        }
        let batch = ReplayBatch(size: 32, observationSize: 4, actionCount: 3)
        func step() {
            buffer.sample(into: batch, beta: 0.4, using: &generator)
            learner.update(on: batch, weighted: prioritized)
            if prioritized {
                learner.tdErrors.withUnsafeBufferPointer { buffer.updatePriorities(indices: batch.indices, tdErrors: $0) }
            }
            learner.updateTarget(tau: 0.01)
        }
        for _ in 0..<3 { step() }
        let before = dojo_allocation_count()
        for _ in 0..<10 { step() }
        return Int32(min(dojo_allocation_count() - before, 99))
    }

    @Test func plainUpdateAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            exit(Self.allocationsOfTenSteps(doubleQ: false, dueling: false, masks: false, prioritized: false))
        }
    }

    @Test func doubleDuelingMaskedUpdateAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            exit(Self.allocationsOfTenSteps(doubleQ: true, dueling: true, masks: true, prioritized: false))
        }
    }

    @Test func prioritizedUpdateAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            exit(Self.allocationsOfTenSteps(doubleQ: true, dueling: false, masks: false, prioritized: true))
        }
    }
}
