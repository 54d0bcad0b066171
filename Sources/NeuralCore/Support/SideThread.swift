import Foundation
import Synchronization

/// A second thread that runs one fixed piece of work beside the caller's, with a hand-off cheap
/// enough for pieces of a fraction of a millisecond (a critic's training step beside an
/// actor's): the thread spins briefly for the next request before it sleeps, so back-to-back
/// requests start within microseconds, where waking a dispatch worker takes tens, and a request
/// touches no heap.
public final class SideThread: @unchecked Sendable {
    private let shared: Shared

    /// Starts the thread that runs `work` on each ``run(_:)``; it stops when the object is
    /// released. `work` must not hold the object strongly.
    public init(work: @escaping () -> Void) {
        let shared = Shared(work: work)
        self.shared = shared
        let thread = Thread { shared.serve() }
        thread.start()
    }

    deinit {
        shared.stop.store(true, ordering: .sequentiallyConsistent)
        shared.wake.signal()
    }

    /// Runs `here` on the calling thread while the side thread runs its work, and returns when
    /// both are done. The two must share nothing mutable; everything the work wrote is visible
    /// afterwards.
    public func run(_ here: () -> Void) {
        shared.phase.store(1, ordering: .sequentiallyConsistent)
        if shared.asleep.load(ordering: .sequentiallyConsistent) { shared.wake.signal() }
        here()
        while shared.phase.load(ordering: .acquiring) != 2 {}
        shared.phase.store(0, ordering: .releasing)
    }

    private final class Shared: @unchecked Sendable {
        /// 0 idle, 1 requested, 2 done.
        let phase = Atomic<Int>(0)
        let asleep = Atomic<Bool>(false)
        let stop = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
        let work: () -> Void

        init(work: @escaping () -> Void) {
            self.work = work
        }

        /// Waits for requests, spinning for about a tenth of a millisecond before sleeping.
        func serve() {
            while !stop.load(ordering: .sequentiallyConsistent) {
                var spins = 0
                while phase.load(ordering: .acquiring) != 1 && spins < 200_000 { spins += 1 }
                guard phase.load(ordering: .sequentiallyConsistent) == 1 else {
                    asleep.store(true, ordering: .sequentiallyConsistent)
                    if phase.load(ordering: .sequentiallyConsistent) != 1 && !stop.load(ordering: .sequentiallyConsistent) { wake.wait() }
                    asleep.store(false, ordering: .sequentiallyConsistent)
                    continue
                }
                work()
                phase.store(2, ordering: .releasing)
            }
        }
    }
}
