import AllocationCounter
import Foundation
import NeuralCore
import Testing
import TestSupport

/// A steady-state DQN update of a small MLP through ``PerceptronWorkspace`` must not touch the
/// heap. Each check runs in its own process (an exit test) so allocations of tests running in
/// parallel are not counted; the exit code is the number of allocations seen (capped at 99).
/// Only optimised builds promise this (debug builds box unspecialised generics).
@Suite(.enabled(if: runsAllocationChecks, "allocation-free training is promised for optimised builds, and counted through glibc's malloc"))
struct TrainingAllocationTests {
    @Test func dqnUpdateOfSmallPerceptronAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            let online = DQNFixture.perceptron([4, 64, 64, 2], seed: 1)
            let target = DQNFixture.perceptron([4, 64, 64, 2], seed: 2)
            let update = WorkspaceDQN(online: online, target: target, optimizer: Adam(learningRate: 1e-4))
            let fixture = DQNFixture(batchSize: 64, seed: 3)
            _ = update.update(fixture)
            let before = dojo_allocation_count()
            for _ in 0..<100 { _ = update.update(fixture) }
            exit(Int32(min(dojo_allocation_count() - before, 99)))
        }
    }

    @Test func graphUpdateStillAllocates() async {
        await #expect(processExitsWith: .failure) {
            let online = DQNFixture.perceptron([4, 64, 64, 2], seed: 1)
            let target = DQNFixture.perceptron([4, 64, 64, 2], seed: 2)
            let optimizer = Adam(learningRate: 1e-4)
            let fixture = DQNFixture(batchSize: 64, seed: 3)
            _ = fixture.graphUpdate(online: online, target: target, optimizer: optimizer)
            let before = dojo_allocation_count()
            _ = fixture.graphUpdate(online: online, target: target, optimizer: optimizer)
            exit(Int32(min(dojo_allocation_count() - before, 99)))
        }
    }
}
