import Foundation
import Synchronization

/// Long-lived threads that each run a fixed contiguous chunk of one job, so that running the
/// job neither spawns threads nor allocates.
///
/// The hand-off is a generation counter: `run()` bumps it, workers see the change and run their
/// chunk, and the last to finish drops `remaining` to zero. Both sides first spin (see
/// `spinLimit`), since a vector step is short and a futex wake-up costs more than the step
/// itself; then they sleep on a semaphore, so an idle pool (an agent busy learning between
/// steps) uses no CPU. A sleeper raises its flag before its final check and the other side
/// exchanges the flag before signalling, so no wake-up is lost or doubled.
///
/// The job is fixed at construction: a closure stored once, since building a closure per run
/// would allocate its context on every step.
@usableFromInline
final class ChunkPool: @unchecked Sendable {
    @usableFromInline let chunks: [Range<Int>]
    private let job: (Range<Int>) -> Void
    private let generation = Atomic<Int>(0)
    private let remaining = Atomic<Int>(0)
    private let isStopping = Atomic<Bool>(false)
    /// Bit `w` is set while worker `w` sleeps (or is about to), hence at most 64 threads.
    private let workersAsleep = Atomic<UInt64>(0)
    private let workerWake: [DispatchSemaphore]
    private let callerAsleep = Atomic<Bool>(false)
    private let callerWake = DispatchSemaphore(value: 0)
    /// Busy-wait iterations before sleeping, some tens of microseconds: long enough to cover
    /// the gap between two steps of a tight loop (a shorter spin measured 2-5x slower, most
    /// hand-offs then going through futex sleeps), short enough that a pool idle during
    /// learning gives its cores back quickly.
    private let spinLimit = 100_000

    @usableFromInline
    init(itemCount: Int, threads: Int, job: @escaping (Range<Int>) -> Void) {
        precondition(threads >= 1 && threads <= 64, "expected 1 to 64 threads, got \(threads)")
        self.job = job
        let base = itemCount / threads, extra = itemCount % threads
        var chunks: [Range<Int>] = []
        var lower = 0
        for thread in 0..<threads {
            let size = base + (thread < extra ? 1 : 0)
            chunks.append(lower..<lower + size)
            lower += size
        }
        self.chunks = chunks
        workerWake = (0..<threads).map { _ in DispatchSemaphore(value: 0) }
        for worker in 1..<max(threads, 1) {
            let thread = Thread { self.work(worker) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Runs the job on every chunk, the first on the calling thread, and returns when all are done.
    @usableFromInline
    func run() {
        guard chunks.count > 1 else {
            job(chunks[0])
            return
        }
        remaining.store(chunks.count - 1, ordering: .sequentiallyConsistent)
        generation.add(1, ordering: .sequentiallyConsistent)
        wakeWorkers()
        job(chunks[0])
        var spins = 0
        while remaining.load(ordering: .acquiring) > 0 {
            spins += 1
            if spins < spinLimit { continue }
            callerAsleep.store(true, ordering: .sequentiallyConsistent)
            if remaining.load(ordering: .sequentiallyConsistent) > 0 {
                callerWake.wait()
            } else if !callerAsleep.exchange(false, ordering: .sequentiallyConsistent) {
                callerWake.wait()
            }
        }
    }

    /// Returns once every worker has gone to sleep on its semaphore (or set its flag to), as
    /// workers do when no job comes for a while.
    @usableFromInline
    func waitUntilWorkersSleep() {
        let workers = chunks.count - 1
        while workersAsleep.load(ordering: .sequentiallyConsistent).nonzeroBitCount < workers {
            sched_yield()
        }
    }

    /// Ends the worker threads, which hold the pool until they return; it cannot run jobs afterwards.
    @usableFromInline
    func stop() {
        isStopping.store(true, ordering: .sequentiallyConsistent)
        generation.add(1, ordering: .sequentiallyConsistent)
        wakeWorkers()
    }

    private func wakeWorkers() {
        let sleepers = workersAsleep.exchange(0, ordering: .sequentiallyConsistent)
        for worker in 1..<chunks.count where sleepers & (1 << worker) != 0 {
            workerWake[worker].signal()
        }
    }

    private func work(_ worker: Int) {
        var seen = 0
        while true {
            waitForGeneration(after: seen, worker: worker)
            seen = generation.load(ordering: .acquiring)
            if isStopping.load(ordering: .acquiring) { return }
            job(chunks[worker])
            if remaining.subtract(1, ordering: .sequentiallyConsistent).newValue == 0,
               callerAsleep.exchange(false, ordering: .sequentiallyConsistent)
            {
                callerWake.signal()
            }
        }
    }

    private func waitForGeneration(after seen: Int, worker: Int) {
        var spins = 0
        while generation.load(ordering: .acquiring) == seen {
            spins += 1
            if spins < spinLimit { continue }
            let bit: UInt64 = 1 << worker
            workersAsleep.bitwiseOr(bit, ordering: .sequentiallyConsistent)
            if generation.load(ordering: .sequentiallyConsistent) == seen {
                workerWake[worker].wait()
            } else if workersAsleep.bitwiseAnd(~bit, ordering: .sequentiallyConsistent).oldValue & bit == 0 {
                workerWake[worker].wait()
            }
        }
    }
}
