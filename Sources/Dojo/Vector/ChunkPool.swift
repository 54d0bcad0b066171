import Foundation

/// Long-lived threads that each run a fixed contiguous chunk of one job, started and awaited with
/// semaphores so that running the job neither spawns threads nor allocates.
///
/// The job is fixed at construction: a closure stored once, since building a closure per run
/// would allocate its context on every step.
@usableFromInline
final class ChunkPool: @unchecked Sendable {
    @usableFromInline let chunks: [Range<Int>]
    private let start: [DispatchSemaphore]
    private let done = DispatchSemaphore(value: 0)
    private let job: (Range<Int>) -> Void
    private var isStopping = false

    @usableFromInline
    init(itemCount: Int, threads: Int, job: @escaping (Range<Int>) -> Void) {
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
        start = (0..<threads).map { _ in DispatchSemaphore(value: 0) }
        for worker in 1..<max(threads, 1) {
            let thread = Thread { self.work(worker) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Runs the job on every chunk, the first on the calling thread, and returns when all are done.
    @usableFromInline
    func run() {
        for worker in 1..<chunks.count {
            start[worker].signal()
        }
        job(chunks[0])
        for _ in 1..<chunks.count {
            done.wait()
        }
    }

    /// Ends the worker threads, which hold the pool until they return; it cannot run jobs afterwards.
    @usableFromInline
    func stop() {
        isStopping = true
        for worker in 1..<chunks.count {
            start[worker].signal()
        }
    }

    private func work(_ worker: Int) {
        while true {
            start[worker].wait()
            if isStopping { return }
            job(chunks[worker])
            done.signal()
        }
    }
}
