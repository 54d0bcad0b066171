import Agents
import Dojo
import Testing

/// n-step transitions, computed by hand: rewards summed with discounts, the bootstrap discount
/// gamma^k, and the pending steps flushed at a termination or a truncation.
@Suite struct NStepAccumulatorTests {
    struct Stored: Equatable {
        var observation: Float
        var action: Int
        var reward: Float
        var next: Float
        var scale: Float
    }

    /// Steps one copy through `rewards`, ending where `ends` says, and returns what was stored.
    func run(steps: Int, rewards: [Float], ends: [Int: (terminated: Bool, truncated: Bool)]) -> [Stored] {
        var accumulator = NStepAccumulator(steps: steps, gamma: 0.5, copies: 1, observationSize: 1)
        var buffer = ReplayBuffer(capacity: 100, observationSize: 1, actionCount: 2, storesMasks: false)
        for (time, reward) in rewards.enumerated() {
            let end = ends[time] ?? (false, false)
            let observation: [Float] = [Float(time)]
            let next: [Float] = [Float(time + 1)]
            observation.withUnsafeBufferPointer { observation in
                next.withUnsafeBufferPointer { next in
                    accumulator.record(
                        copy: 0, observation: observation, action: time % 2, reward: reward, nextObservation: next,
                        terminated: end.terminated, truncated: end.truncated, nextMask: nil, into: &buffer)
                }
            }
        }
        return (0..<buffer.count).map { slot in
            let stored = buffer.transition(at: slot)
            return Stored(
                observation: stored.observation[0], action: stored.action, reward: stored.reward,
                next: stored.nextObservation[0], scale: stored.terminated ? 0 : stored.discount)
        }
    }

    @Test func oneStepIsTheUsualTransition() {
        let stored = run(steps: 1, rewards: [1, 2, 4], ends: [2: (true, false)])
        #expect(stored == [
            Stored(observation: 0, action: 0, reward: 1, next: 1, scale: 0.5),
            Stored(observation: 1, action: 1, reward: 2, next: 2, scale: 0.5),
            Stored(observation: 2, action: 0, reward: 4, next: 3, scale: 0),
        ])
    }

    @Test func threeStepsSumDiscountedRewardsAndFlushAtTermination() {
        // Rewards 1, 2, 4, 8 then termination after the fourth step (time 3).
        let stored = run(steps: 3, rewards: [1, 2, 4, 8], ends: [3: (true, false)])
        #expect(stored == [
            Stored(observation: 0, action: 0, reward: 1 + 0.5 * 2 + 0.25 * 4, next: 3, scale: 0.125),
            Stored(observation: 1, action: 1, reward: 2 + 0.5 * 4 + 0.25 * 8, next: 4, scale: 0),
            Stored(observation: 2, action: 0, reward: 4 + 0.5 * 8, next: 4, scale: 0),
            Stored(observation: 3, action: 1, reward: 8, next: 4, scale: 0),
        ])
    }

    @Test func truncationKeepsBootstrappingWithTheStepsTaken() {
        // Truncated after the second step: both pending steps bootstrap from observation 2.
        let stored = run(steps: 3, rewards: [1, 2, 4, 8, 16], ends: [1: (false, true)])
        #expect(stored == [
            Stored(observation: 0, action: 0, reward: 1 + 0.5 * 2, next: 2, scale: 0.25),
            Stored(observation: 1, action: 1, reward: 2, next: 2, scale: 0.5),
            // The next episode starts over: its first three steps make one transition.
            Stored(observation: 2, action: 0, reward: 4 + 0.5 * 8 + 0.25 * 16, next: 5, scale: 0.125),
        ])
    }
}
