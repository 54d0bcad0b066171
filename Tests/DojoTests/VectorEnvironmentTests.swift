import Foundation
import Dojo
import Testing
import TestSupport

@Suite struct VectorEnvironmentTests {
    /// Copies with different episode lengths, so episodes end at different steps.
    static func makeCopy(_ index: Int) -> TimeLimit<Countdown> {
        TimeLimit(Countdown(length: 3 + index % 4), maxEpisodeSteps: 4 + index % 3)
    }

    static func run(_ envs: some VectorEnvironment<TimeLimit<Countdown>>, steps: Int) throws -> [VectorBatchSnapshot] {
        var snapshots = [VectorBatchSnapshot(try envs.reset(seed: 42))]
        var actions = [Int](repeating: 0, count: envs.count)
        for step in 0..<steps {
            for index in actions.indices { actions[index] = (step + index) % 3 }
            snapshots.append(VectorBatchSnapshot(envs.step(actions)))
        }
        return snapshots
    }

    @Test(arguments: [AutoresetMode.nextStep, .sameStep], [2, 3, 7])
    func threadedMatchesSync(mode: AutoresetMode, threads: Int) throws {
        let sync = SyncVectorEnvironment(count: 7, autoresetMode: mode, makeEnvironment: Self.makeCopy)
        let threaded = ThreadedVectorEnvironment(count: 7, threads: threads, autoresetMode: mode, makeEnvironment: Self.makeCopy)
        #expect(threaded.threadCount == threads)
        #expect(try Self.run(sync, steps: 40) == Self.run(threaded, steps: 40))
    }

    /// Idle pauses let the workers fall asleep; they must wake for every step.
    @Test func threadedStepsAfterIdlePausesMatchSync() throws {
        let sync = SyncVectorEnvironment(count: 5, makeEnvironment: Self.makeCopy)
        let threaded = ThreadedVectorEnvironment(count: 5, threads: 3, makeEnvironment: Self.makeCopy)
        try sync.reset(seed: 7)
        try threaded.reset(seed: 7)
        for step in 0..<12 {
            let actions = (0..<5).map { ($0 + step) % 3 }
            if step % 3 == 0 { threaded.waitUntilWorkersSleep() }
            #expect(VectorBatchSnapshot(sync.step(actions)) == VectorBatchSnapshot(threaded.step(actions)))
        }
    }

    @Test func copiesAreSeededWithSeedPlusIndex() throws {
        let envs = SyncVectorEnvironment(count: 3) { _ in Countdown() }
        let batch = try envs.reset(seed: 5)
        for index in 0..<3 {
            var single = Countdown()
            let start = try single.reset(seed: 5 + UInt64(index)).observation
            #expect(batch.observation(index)[start] == 1)
        }
    }

    /// Unseeded copies differ: the first unseeded reset is `reset(seed: 0)`, copy `i` seeded
    /// with `i`, and the next unseeded reset continues each copy's stream.
    @Test(arguments: [false, true])
    func unseededCopiesDifferAndStayReproducible(threaded: Bool) throws {
        func make() -> any VectorEnvironment<Countdown> {
            threaded ? ThreadedVectorEnvironment(count: 6, threads: 2) { _ in Countdown() } : SyncVectorEnvironment(count: 6) { _ in Countdown() }
        }
        let unseeded = make(), seeded = make()
        let batch = try unseeded.reset(seed: nil)
        let first = Array(batch.observations)
        let starts = (0..<6).map { batch.observation($0).firstIndex(of: 1) }
        #expect(Set(starts).count > 1, "unseeded copies all started at \(starts)")
        #expect(first == Array(try seeded.reset(seed: 0).observations))
        let second = Array(try unseeded.reset(seed: nil).observations)
        #expect(second == Array(try seeded.reset(seed: nil).observations))
        #expect(second != first)
    }

    @Test func nextStepAutoresetReturnsTheFinalObservationThenResets() throws {
        let envs = SyncVectorEnvironment(count: 1, autoresetMode: .nextStep) { _ in Countdown(length: 2) }
        try envs.reset(seed: nil, options: ["start": 0])
        _ = envs.step([1])
        let ending = envs.step([1])
        #expect(ending.terminations[0] && ending.rewards[0] == 1)
        #expect(ending.observation(0)[2] == 1)
        #expect(!ending.hasFinalObservation[0])
        let restarted = envs.step([2])
        #expect(restarted.rewards[0] == 0 && !restarted.terminations[0] && !restarted.truncations[0])
        #expect(envs.environment(0).count < 10)
        let next = envs.step([2])
        #expect(next.rewards[0] == 2)
    }

    @Test func sameStepAutoresetKeepsTheFinalObservationAside() throws {
        let envs = SyncVectorEnvironment(count: 1, autoresetMode: .sameStep) { _ in Countdown(length: 2) }
        try envs.reset(seed: nil, options: ["start": 0])
        _ = envs.step([1])
        let ending = envs.step([1])
        #expect(ending.terminations[0] && ending.rewards[0] == 1)
        #expect(ending.hasFinalObservation[0])
        #expect(ending.finalObservation(0)[2] == 1)
        #expect(ending.observation(0)[2] == 0)
        #expect(envs.step([2]).rewards[0] == 2)
    }

    @Test func truncationTriggersAutoresetToo() throws {
        let envs = SyncVectorEnvironment(count: 1) { _ in TimeLimit(Countdown(length: 100), maxEpisodeSteps: 1) }
        try envs.reset(seed: 0)
        #expect(envs.step([1]).truncations[0])
        #expect(envs.step([1]).rewards[0] == 0)
    }
}
