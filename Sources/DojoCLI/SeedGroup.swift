import Agents
import Dojo
import Foundation
import Synchronization

/// `dojo train --seeds A-B`: one job trained from several seeds, each into its own run folder
/// (`seed-N`) under one group folder, up to `concurrentRuns` at a time with the threads shared
/// out, and summarised as the RL literature reports results: each seed's final score and time
/// to the reward threshold, then the mean and standard deviation.
struct SeedGroup {
    let job: TrainingJob
    let seeds: [UInt64]
    let folder: URL
    let concurrentRuns: Int
    let threadsPerRun: Int

    /// The group for `threads` threads: as many seeds at once as there are threads, each run
    /// with its share.
    init(job: TrainingJob, seeds: [UInt64], folder: URL, threads: Int) {
        self.job = job
        self.seeds = seeds
        self.folder = folder
        concurrentRuns = max(1, min(seeds.count, threads))
        threadsPerRun = max(1, threads / concurrentRuns)
    }

    /// The run folder of `seed`.
    func runFolder(of seed: UInt64) -> URL { folder.appendingPathComponent("seed-\(seed)") }

    /// Trains every seed; `onRow` hears each run's metrics rows as `(seed, row)`, from the
    /// run's thread. Once `shouldStop` answers `true` or a seed fails, no further seed starts.
    ///
    /// - Returns: the results of the seeds that ran, in the order of `seeds`, and the seeds
    ///   that never started.
    /// - Throws: the first seed's error, after every started run has finished.
    func run(
        shouldStop: @escaping @Sendable () -> Bool, onRow: @escaping @Sendable (UInt64, MetricsRow) -> Void
    ) throws -> (results: [SeedRun.Result], notStarted: [UInt64]) {
        let next = Atomic<Int>(0)
        let failed = Atomic<Bool>(false)
        let outcomes = Mutex<[Int: Result<SeedRun.Result, any Error>]>([:])
        let finished = DispatchGroup()
        let (job, seeds, threadsPerRun) = (job, seeds, threadsPerRun)
        let folders = seeds.map(runFolder(of:))
        for _ in 0..<concurrentRuns {
            finished.enter()
            let worker = Thread {
                defer { finished.leave() }
                while !shouldStop() && !failed.load(ordering: .relaxed) {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < seeds.count else { return }
                    let seed = seeds[index]
                    let outcome = Result { () throws -> SeedRun.Result in
                        let run = SeedRun(job: job, seed: seed, folder: try RunFolder(url: folders[index]), threads: threadsPerRun)
                        return try run.run(observer: TrainingObserver(onMetrics: { onRow(seed, $0) }, shouldStop: shouldStop))
                    }
                    if case .failure = outcome { failed.store(true, ordering: .relaxed) }
                    outcomes.withLock { $0[index] = outcome }
                }
            }
            worker.stackSize = 8 << 20
            worker.start()
        }
        finished.wait()
        return try outcomes.withLock { outcomes in
            let results = try seeds.indices.compactMap { try outcomes[$0]?.get() }
            return (results, seeds.indices.filter { outcomes[$0] == nil }.map { seeds[$0] })
        }
    }
}
