import Dojo
import Environments
import Foundation

/// One timed stepping workload of `dojo bench`.
struct EnvironmentBenchmark {
    let name: String
    let env: String
    let copies: Int
    let threads: Int
    let steps: Int
    /// Runs the workload once and returns its duration in seconds.
    let body: () throws -> Double
}

/// The stepping workloads, matching Benchmarks/gymnasium_steps.py case for case.
enum EnvironmentBenchmarks {
    static func all(steps: Int) -> [EnvironmentBenchmark] {
        var cases = [
            single("cartpole/bare", env: "CartPole-v1", steps: steps) { CartPole() },
            single("cartpole/time-limit", env: "CartPole-v1", steps: steps) {
                TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 500)
            },
            existential("cartpole/make", env: "CartPole-v1", steps: steps / 4),
        ]
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for copies in [8, 64, 256] {
            cases.append(vector("cartpole/sync-vector", env: "CartPole-v1", copies: copies, threads: 1, steps: steps) {
                TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 500)
            })
            cases.append(vector("cartpole/threaded-vector", env: "CartPole-v1", copies: copies, threads: cores, steps: steps) {
                TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 500)
            })
        }
        cases.append(single("frozenlake8x8/time-limit", env: "FrozenLake8x8-v1", steps: steps) {
            TimeLimit(OrderEnforcing(GridWorld(map: .frozenLake8x8)), maxEpisodeSteps: 200)
        })
        cases.append(existential("frozenlake8x8/make", env: "FrozenLake8x8-v1", steps: steps / 4))
        for copies in [8, 64] {
            cases.append(vector("frozenlake8x8/sync-vector", env: "FrozenLake8x8-v1", copies: copies, threads: 1, steps: steps) {
                TimeLimit(OrderEnforcing(GridWorld(map: .frozenLake8x8)), maxEpisodeSteps: 200)
            })
            cases.append(vector("frozenlake8x8/threaded-vector", env: "FrozenLake8x8-v1", copies: copies, threads: cores, steps: steps) {
                TimeLimit(OrderEnforcing(GridWorld(map: .frozenLake8x8)), maxEpisodeSteps: 200)
            })
        }
        return cases
    }

    /// A single environment of a concrete type, stepped through the protocol with random actions.
    static func single<E: Environment>(_ name: String, env: String, steps: Int, make: @escaping () -> E) -> EnvironmentBenchmark
    where E.ActionSpace == Discrete {
        EnvironmentBenchmark(name: name, env: env, copies: 1, threads: 1, steps: steps) {
            var environment = make()
            var generator = SeededGenerator(seed: 1)
            let actionCount = UInt64(environment.actionSpace.n)
            _ = try environment.reset(seed: 0)
            let start = ContinuousClock.now
            var checksum = 0.0
            for _ in 0..<steps {
                let result = environment.step(Int(generator.next() % actionCount))
                checksum += result.reward
                if result.terminated || result.truncated {
                    _ = try environment.reset()
                }
            }
            return seconds(since: start, keeping: checksum)
        }
    }

    /// The registry's `any Environment`, as a program that only knows the id would step it.
    static func existential(_ name: String, env: String, steps: Int) -> EnvironmentBenchmark {
        EnvironmentBenchmark(name: name, env: env, copies: 1, threads: 1, steps: steps) {
            var environment = try EnvironmentRegistry.standard.make(id: env)
            return try stepOpened(&environment, steps: steps)
        }
    }

    private static func stepOpened<E: Environment>(_ environment: inout E, steps: Int) throws -> Double {
        var generator = SeededGenerator(seed: 1)
        _ = try environment.reset(seed: 0)
        let start = ContinuousClock.now
        var checksum = 0.0
        for _ in 0..<steps {
            let result = environment.step(environment.actionSpace.sample(using: &generator))
            checksum += result.reward
            if result.terminated || result.truncated {
                _ = try environment.reset()
            }
        }
        return seconds(since: start, keeping: checksum)
    }

    /// `copies` environments in a vector environment on `threads` threads.
    static func vector<E: Environment>(
        _ name: String, env: String, copies: Int, threads: Int, steps: Int, make: @escaping () -> E
    ) -> EnvironmentBenchmark where E.ActionSpace == Discrete, E.Action == Int {
        EnvironmentBenchmark(name: "\(name)/\(copies)", env: env, copies: copies, threads: threads, steps: steps) {
            if threads > 1 {
                return try stepVector(ThreadedVectorEnvironment(count: copies, threads: threads) { _ in make() }, steps: steps)
            }
            return try stepVector(SyncVectorEnvironment(count: copies) { _ in make() }, steps: steps)
        }
    }

    private static func stepVector<V: VectorEnvironment>(_ environments: V, steps: Int) throws -> Double
    where V.Base.Action == Int, V.Base.ActionSpace == Discrete {
        var generator = SeededGenerator(seed: 1)
        let actionCount = UInt64(environments.singleActionSpace.n)
        var actions = [Int](repeating: 0, count: environments.count)
        try environments.reset(seed: 0)
        let start = ContinuousClock.now
        var checksum = 0.0
        for _ in 0..<(steps / environments.count) {
            for index in actions.indices {
                actions[index] = Int(generator.next() % actionCount)
            }
            checksum += environments.step(actions).rewards[0]
        }
        return seconds(since: start, keeping: checksum)
    }

    private static func seconds(since start: ContinuousClock.Instant, keeping checksum: Double) -> Double {
        precondition(checksum.isFinite, "expected a finite checksum, got \(checksum)")
        return BenchmarkTiming.seconds(start.duration(to: .now))
    }
}
