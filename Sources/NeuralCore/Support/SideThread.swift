import CNeuralKernels
import Foundation
import Synchronization

/// A second thread that runs pieces of work beside the caller's, with a hand-off cheap enough
/// for pieces of a fraction of a millisecond (a critic's training step beside an actor's, a
/// weight gradient beside the rest of a backward pass): the thread spins briefly for the next
/// request before it sleeps, so back-to-back requests start within microseconds, where waking a
/// dispatch worker takes tens, and a request touches no heap.
///
/// Requests come from one thread, the owner's, and run in the order they were made: the fixed
/// work of ``run(_:)``, half of a ``split(_:granule:_:)``, and matrix products a ``Tape`` hands
/// over (``Tape/sideThread``).
public final class SideThread: @unchecked Sendable {
    private let shared: Shared

    /// Starts the thread that runs `work` on each ``run(_:)``; it stops when the object is
    /// released. `work` must not hold the object strongly.
    public init(work: @escaping () -> Void = {}) {
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
        let ticket = submit(.work)
        workTicket = ticket
        here()
        wait(through: ticket)
    }

    /// The position of the last ``run(_:)``'s work among the requests, and of the last product
    /// with its multiply-add count (owner's thread only).
    private var workTicket = 0
    private var lastProduct = (ticket: 0, size: 0)

    /// Whether a product of `size` multiply-adds should go to the thread rather than run here:
    /// when the thread is done with the work of ``run(_:)`` and has no product left, or only a
    /// smaller one. A small product queued behind a large one is quicker done here.
    func takes(productOf size: Int) -> Bool {
        let completed = shared.completed.load(ordering: .acquiring)
        return completed >= workTicket && (completed >= lastProduct.ticket || size > lastProduct.size)
    }

    /// Runs `work` over `0..<count` in two parts, the first here and the second on the side
    /// thread, and returns when both are done. The parts meet at a multiple of `granule`, so a
    /// kernel that works in blocks of `granule` elements computes each element as it would over
    /// the whole range, and the result is bit-identical to `work.perform(0..<count)`. `work`
    /// must be safe to run on the two parts at once (each part writing only its own elements).
    public func split(_ count: Int, granule: Int, _ work: some SplitWork) {
        let middle = Swift.min((count / 2 + granule - 1) / granule * granule, count)
        let ticket = submit(.range(middle..<count, work))
        work.perform(0..<middle)
        wait(through: ticket)
        // The ring lets go of `work` now rather than when its slot is reused.
        shared.requests[ticket % Shared.capacity] = .work
    }

    /// Queues `product` behind the earlier requests and returns at once; its operands must stay
    /// untouched, and its result unread, until ``waitForRequests()``.
    func submit(_ product: Product) {
        lastProduct = (submit(.product(product)), product.m * product.n * product.k)
    }

    /// Returns when every request made so far is done, with its writes visible.
    func waitForRequests() {
        wait(through: shared.submitted.load(ordering: .relaxed))
    }

    /// Queues `request` (waiting while the queue is full) and wakes the thread if it sleeps;
    /// returns the request's position in the sequence of all requests, counted from 1.
    private func submit(_ request: Request) -> Int {
        let ticket = shared.submitted.load(ordering: .relaxed) + 1
        var backoff = Backoff()
        while ticket - shared.completed.load(ordering: .acquiring) > Shared.capacity { backoff.wait() }
        shared.requests[ticket % Shared.capacity] = request
        shared.submitted.store(ticket, ordering: .sequentiallyConsistent)
        if shared.asleep.load(ordering: .sequentiallyConsistent) { shared.wake.signal() }
        return ticket
    }

    /// Spins until the requests up to `ticket` are done.
    private func wait(through ticket: Int) {
        var backoff = Backoff()
        while shared.completed.load(ordering: .acquiring) < ticket { backoff.wait() }
    }

    /// A waiter's pause between two looks: the CPU's spin hint for about a third of a
    /// millisecond, then giving up the core each time, so that when more threads than cores
    /// are runnable (tests in parallel) the thread waited for gets to run instead of the waiter
    /// spinning through its time slice.
    private struct Backoff {
        private var spins = 0

        mutating func wait() {
            if spins < 20_000 {
                nc_spin_pause()
                spins += 1
            } else {
                sched_yield()
            }
        }
    }

    /// A matrix product for the side thread: ``gemm(m:n:k:a:transposingA:b:transposingB:c:accumulate:threadCount:)``'s
    /// arguments, run there on one thread.
    struct Product {
        var m: Int, n: Int, k: Int
        var a: UnsafePointer<Float>, transposingA: Bool
        var b: UnsafePointer<Float>, transposingB: Bool
        var c: UnsafeMutablePointer<Float>, accumulate: Bool

        func compute() {
            gemm(m: m, n: n, k: k, a: a, transposingA: transposingA, b: b, transposingB: transposingB, c: c, accumulate: accumulate, threadCount: 1)
        }
    }

    /// One queued piece of work.
    enum Request {
        case work
        case product(Product)
        case range(Range<Int>, any SplitWork)
    }

    private final class Shared: @unchecked Sendable {
        /// How many requests may wait at once.
        static let capacity = 64
        /// A ring of requests: request `t` sits at `t % capacity`.
        let requests = UnsafeMutablePointer<Request>.allocate(capacity: capacity)
        /// The number of requests made and the number done; the thread runs the ones between.
        let submitted = Atomic<Int>(0)
        let completed = Atomic<Int>(0)
        let asleep = Atomic<Bool>(false)
        let stop = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
        let work: () -> Void

        init(work: @escaping () -> Void) {
            self.work = work
            requests.initialize(repeating: .work, count: Self.capacity)
        }

        deinit {
            requests.deinitialize(count: Self.capacity)
            requests.deallocate()
        }

        /// Runs requests in order, spinning for the next one (5,000 pauses, some tens of
        /// microseconds) before sleeping, so an idle side thread soon leaves its core.
        func serve() {
            var done = 0
            while !stop.load(ordering: .sequentiallyConsistent) {
                var spins = 0
                while submitted.load(ordering: .acquiring) == done && spins < 5_000 {
                    nc_spin_pause()
                    spins += 1
                }
                guard submitted.load(ordering: .sequentiallyConsistent) != done else {
                    asleep.store(true, ordering: .sequentiallyConsistent)
                    if submitted.load(ordering: .sequentiallyConsistent) == done && !stop.load(ordering: .sequentiallyConsistent) { wake.wait() }
                    asleep.store(false, ordering: .sequentiallyConsistent)
                    continue
                }
                switch requests[(done + 1) % Self.capacity] {
                case .work: work()
                case .product(let product): product.compute()
                case .range(let range, let work): work.perform(range)
                }
                done += 1
                completed.store(done, ordering: .releasing)
            }
        }
    }
}
