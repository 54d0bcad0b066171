import AllocationCounter
import Dojo
import Environments
import Foundation
import Testing
import TestSupport

/// CartPole steps and resets through `make`'s wrappers without touching the heap (exit code:
/// allocations seen, capped at 99). Optimised builds only, as Dojo's other allocation checks.
@Suite(.enabled(if: runsAllocationChecks, "allocation-free stepping is promised for optimised builds, and counted through glibc's malloc"))
struct CartPoleAllocationTests {
    @Test func stepAndResetAllocateNothing() async {
        await #expect(processExitsWith: .success) {
            var env = TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 500)
            _ = try? env.reset(seed: 1)
            var before: UInt64 = 0
            for step in 0..<20_000 {
                if step == 100 { before = dojo_allocation_count() }
                let result = env.step(step % 3 == 0 ? 0 : 1)
                if result.isDone { _ = try? env.reset() }
            }
            exit(Int32(min(dojo_allocation_count() - before, 99)))
        }
    }
}
