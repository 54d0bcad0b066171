import AllocationCounter
import Dojo
import Foundation
import Testing
import TestSupport

/// Vector steps must not touch the heap. Each check runs in its own process (an exit test),
/// so allocations made by tests running in parallel cannot be counted against it; the exit code
/// is the number of allocations seen (capped at 99).
///
/// Only optimised builds promise this (debug builds box unspecialised generics), and the
/// README's test command builds optimised, so CI runs these checks.
@Suite(.enabled(if: runsAllocationChecks, "allocation-free stepping is promised for optimised builds, and counted through glibc's malloc"))
struct AllocationTests {
    @Test func countingWorksOnThisPlatform() {
        #expect(dojo_allocation_counting_available())
        let before = dojo_allocation_count()
        var generator = SeededGenerator(seed: 1)
        let array = [Int](repeating: 1, count: Int.random(in: 100...200, using: &generator))
        #expect(array.count >= 100)
        #expect(dojo_allocation_count() > before)
    }

    @Test func syncVectorStepAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            let envs = SyncVectorEnvironment(count: 8) { index in TimeLimit(Countdown(length: 3 + index), maxEpisodeSteps: 5) }
            exit(allocations(stepping: envs, warmUp: 1, measured: 1000))
        }
    }

    @Test func threadedVectorStepAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            let envs = ThreadedVectorEnvironment(count: 8, threads: 2) { index in TimeLimit(Countdown(length: 3 + index), maxEpisodeSteps: 5) }
            exit(allocations(stepping: envs, warmUp: 10, measured: 1000))
        }
    }

    /// The wake-up path too: every step finds the workers asleep on their semaphores.
    @Test func threadedStepAfterWorkersSleepAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            let envs = ThreadedVectorEnvironment(count: 8, threads: 2) { index in TimeLimit(Countdown(length: 3 + index), maxEpisodeSteps: 5) }
            exit(allocations(stepping: envs, warmUp: 10, measured: 100) { envs.waitUntilWorkersSleep() })
        }
    }
}

/// The allocations of `measured` steps after `warmUp` steps (capped at 99, for an exit code),
/// calling `beforeEachStep` first each time; 98 if the reset fails.
private func allocations<V: VectorEnvironment>(
    stepping envs: V, warmUp: Int, measured: Int, beforeEachStep: () -> Void = {}
) -> Int32 where V.Base.Action == Int {
    guard (try? envs.reset(seed: 1)) != nil else { return 98 }
    let actions = [Int](repeating: 1, count: envs.count)
    for _ in 0..<warmUp {
        beforeEachStep()
        envs.step(actions)
    }
    let before = dojo_allocation_count()
    for _ in 0..<measured {
        beforeEachStep()
        envs.step(actions)
    }
    return Int32(min(dojo_allocation_count() - before, 99))
}
