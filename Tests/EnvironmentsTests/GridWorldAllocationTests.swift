import AllocationCounter
import Dojo
import Environments
import Foundation
import Testing
import TestSupport

/// Stepping with index observations must not touch the heap. Each check runs in its own
/// process (an exit test) so allocations of tests running in parallel are not counted; the
/// exit code is the number of allocations seen (capped at 99). Optimised builds only, as the
/// rest of Dojo's allocation checks.
@Suite(.enabled(if: runsAllocationChecks, "allocation-free stepping is promised for optimised builds, and counted through glibc's malloc"))
struct GridWorldAllocationTests {
    @Test func indexStepAndResetAllocateNothing() async {
        await #expect(processExitsWith: .success) {
            var world = TimeLimit(OrderEnforcing(GridWorld(map: .frozenLake8x8)), maxEpisodeSteps: 200)
            _ = try? world.reset(seed: 1)
            var before: UInt64 = 0
            // The first step instantiates generic metadata once; only the steady state counts.
            for step in 0..<10_000 {
                if step == 100 { before = dojo_allocation_count() }
                let result = world.step(step & 3)
                if result.isDone { _ = try? world.reset() }
            }
            exit(Int32(min(dojo_allocation_count() - before, 99)))
        }
    }

    @Test func memoryCorridorStepAndResetAllocateNothing() async {
        await #expect(processExitsWith: .success) {
            var corridor = TimeLimit(MemoryCorridor(length: 6), maxEpisodeSteps: 30)
            _ = try? corridor.reset(seed: 1)
            var before: UInt64 = 0
            for step in 0..<10_000 {
                if step == 100 { before = dojo_allocation_count() }
                let result = corridor.step(step % 4)
                if result.isDone { _ = try? corridor.reset() }
            }
            exit(Int32(min(dojo_allocation_count() - before, 99)))
        }
    }
}
