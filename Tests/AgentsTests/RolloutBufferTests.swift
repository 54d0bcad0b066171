import Agents
import Dojo
import Environments
import Testing

/// The rollout buffer's GAE against values worked out by hand (gamma 0.5, lambda 0.5, so every
/// figure is exact in binary), including an episode end in the middle of a rollout, a
/// truncation under both autoreset modes, and a real vector environment in both modes.
@Suite struct RolloutBufferTests {
    /// One step of every copy, given as plain arrays.
    struct Step {
        var rewards: [Double]
        var values: [Float]
        var terminations: [Bool]
        var truncations: [Bool]
        var observations: [Float]? = nil
    }

    static func buffer(_ steps: [Step], copies: Int = 1, mode: AutoresetMode = .sameStep) -> RolloutBuffer {
        var buffer = RolloutBuffer(
            steps: steps.count, copies: copies, observationSize: 1, actionCount: 2, storesMasks: false, autoresetMode: mode)
        for step in steps {
            buffer.add(
                observations: step.observations ?? Array(repeating: 0, count: copies), masks: nil,
                actions: Array(repeating: 0, count: copies), logProbabilities: Array(repeating: 0, count: copies),
                values: step.values, episodeStarts: Array(repeating: false, count: copies), rewards: step.rewards,
                terminations: step.terminations, truncations: step.truncations)
        }
        return buffer
    }

    static func step(_ reward: Double, value: Float, terminated: Bool = false, truncated: Bool = false) -> Step {
        Step(rewards: [reward], values: [value], terminations: [terminated], truncations: [truncated])
    }

    /// Rewards 1, 2, 3 and values 0.5, 1, 1.5, then 2 after the last step: δ = 1, 1.75, 2.5.
    @Test func advantagesWithoutAnEpisodeEnd() {
        var buffer = Self.buffer([Self.step(1, value: 0.5), Self.step(2, value: 1), Self.step(3, value: 1.5)])
        buffer.computeAdvantages(lastValues: [2], gamma: 0.5, lambda: 0.5)
        #expect(buffer.advantages == [1.59375, 2.375, 2.5])
        #expect(buffer.returns == [2.09375, 3.375, 4])
    }

    /// A termination at step 1 takes no bootstrap and cuts the chain: A1 = 2 − 1 = 1.
    @Test func terminationCutsTheChainWithoutBootstrap() {
        var buffer = Self.buffer([Self.step(1, value: 0.5), Self.step(2, value: 1, terminated: true), Self.step(3, value: 1.5)])
        buffer.computeAdvantages(lastValues: [2], gamma: 0.5, lambda: 0.5)
        #expect(buffer.advantages == [1.25, 1, 2.5])
    }

    /// A truncation at step 1 (same-step autoreset) bootstraps from its final observation's
    /// value, 4: A1 = 2 + 0.5·4 − 1 = 3, and the chain is cut.
    @Test func sameStepTruncationBootstrapsFromTheFinalValue() {
        var buffer = Self.buffer([Self.step(1, value: 0.5), Self.step(2, value: 1, truncated: true), Self.step(3, value: 1.5)])
        buffer.setFinalValue(4, step: 1, copy: 0)
        buffer.computeAdvantages(lastValues: [2], gamma: 0.5, lambda: 0.5)
        #expect(buffer.advantages == [1.75, 3, 2.5])
        #expect(buffer.isTrainingRow == [true, true, true])
    }

    /// The same episode under next-step autoreset: the step after the truncation is the reset
    /// step, whose observation is the final one (value 4) and whose action the environment
    /// ignored. The real transitions get the same-step advantages; the reset step is left out.
    @Test func nextStepTruncationBootstrapsFromTheResetStep() {
        var buffer = Self.buffer(
            [Self.step(1, value: 0.5), Self.step(2, value: 1, truncated: true), Self.step(0, value: 4), Self.step(3, value: 1.5)],
            mode: .nextStep)
        buffer.computeAdvantages(lastValues: [2], gamma: 0.5, lambda: 0.5)
        #expect(buffer.isTrainingRow == [true, true, false, true])
        #expect(buffer.advantages == [1.75, 3, 0, 2.5])
        #expect(buffer.returns == [2.25, 4, 0, 4])
    }

    /// Rows interleave copies (`step * copies + copy`); each copy's chain is its own.
    @Test func copiesKeepTheirOwnChains() {
        var buffer = Self.buffer([
            Step(rewards: [1, 1], values: [0.5, 0.5], terminations: [false, false], truncations: [false, false]),
            Step(rewards: [2, 2], values: [1, 1], terminations: [false, true], truncations: [false, false]),
            Step(rewards: [3, 3], values: [1.5, 1.5], terminations: [false, false], truncations: [false, false]),
        ], copies: 2)
        buffer.computeAdvantages(lastValues: [2, 2], gamma: 0.5, lambda: 0.5)
        #expect(buffer.advantages == [1.59375, 1.25, 2.375, 1, 2.5, 2.5])
    }

    /// An episode truncated at a rollout's last step bootstraps from the last values, and
    /// under next-step autoreset the next rollout's first row is that episode's reset step.
    @Test func resetStepCrossesRolloutBoundaries() {
        var buffer = Self.buffer([Self.step(1, value: 0.5), Self.step(2, value: 1, truncated: true)], mode: .nextStep)
        buffer.computeAdvantages(lastValues: [4], gamma: 0.5, lambda: 0.5)
        #expect(buffer.advantages == [1.75, 3])
        buffer.reset()
        #expect(buffer.count == 0)
        for step in [Self.step(0, value: 4), Self.step(1, value: 1)] {
            buffer.add(
                observations: [0], masks: nil, actions: [0], logProbabilities: [0], values: step.values, episodeStarts: [false],
                rewards: step.rewards, terminations: [false], truncations: [false])
        }
        #expect(buffer.isTrainingRow == [false, true])
    }

    /// With lambda 1 and zero values the advantages are the discounted rewards-to-go.
    @Test func lambdaOneWithoutCriticGivesRewardsToGo() {
        var buffer = Self.buffer([Self.step(1, value: 0), Self.step(1, value: 0), Self.step(1, value: 0, terminated: true)])
        buffer.computeAdvantages(lastValues: [0], gamma: 0.5, lambda: 1)
        #expect(buffer.advantages == [1.75, 1.5, 1])
    }

    /// A whole-episode rollout (REINFORCE's) stops before the buffer is full: two copies in a
    /// buffer of 4 steps, copy 0 ends at step 1 and steps on outside training, copy 1 ends at
    /// step 2. Only the 3 stored steps count, and each copy's rows are its rewards-to-go.
    @Test func wholeEpisodeRolloutsStopEarlyAndLeaveFinishedCopiesOut() {
        var buffer = RolloutBuffer(steps: 4, copies: 2, observationSize: 1, actionCount: 2, storesMasks: false, autoresetMode: .sameStep)
        let ends: [[Bool]] = [[false, false], [true, false], [false, true]]
        for (step, terminations) in ends.enumerated() {
            buffer.add(
                observations: [0, 0], masks: nil, actions: [0, 0], logProbabilities: [0, 0], values: [0, 0],
                episodeStarts: [step == 0, step == 0], rewards: [1, 2], terminations: terminations, truncations: [false, false])
            if step == 2 { buffer.leaveOutOfTraining(step: step, copy: 0) }
        }
        #expect(!buffer.isFull && buffer.trainingRows == [0, 1, 2, 3, 5])
        buffer.computeAdvantages(lastValues: [0, 0], gamma: 0.5, lambda: 1)
        #expect(Array(buffer.advantages[0..<6]) == [1.5, 3.5, 1, 3, 0, 2])
    }

    /// Collected from real CartPole copies cut at 5 steps, with a fixed rule for actions and a
    /// value that is a fixed function of the observation: both autoreset modes give the same
    /// advantages for the same real transitions.
    @Test func bothAutoresetModesAgreeOnARealVectorEnvironment() throws {
        func value(_ observation: UnsafeBufferPointer<Float>) -> Float { observation[0] + 2 * observation[2] }
        func collect(_ mode: AutoresetMode, steps: Int) throws -> [(observation: Float, reward: Float, advantage: Float)] {
            let envs = SyncVectorEnvironment(count: 2, autoresetMode: mode) { _ in TimeLimit(CartPole(), maxEpisodeSteps: 5) }
            try envs.reset(seed: 11)
            var buffer = RolloutBuffer(steps: steps, copies: 2, observationSize: 4, actionCount: 2, storesMasks: false, autoresetMode: mode)
            var starts = [true, true]
            for step in 0..<steps {
                let observations = Array(envs.batch.observations)
                let actions = (0..<2).map { observations[$0 * 4 + 3] > 0 ? 1 : 0 }
                let values = (0..<2).map { copy in observations.withUnsafeBufferPointer { value(UnsafeBufferPointer(rebasing: $0[copy * 4..<copy * 4 + 4])) } }
                let batch = envs.step(actions)
                buffer.add(
                    observations: observations, masks: nil, actions: actions, logProbabilities: [0, 0], values: values,
                    episodeStarts: starts, rewards: Array(batch.rewards), terminations: Array(batch.terminations),
                    truncations: Array(batch.truncations))
                for copy in 0..<2 {
                    if batch.hasFinalObservation[copy] && batch.truncations[copy] {
                        buffer.setFinalValue(value(batch.finalObservation(copy)), step: step, copy: copy)
                    }
                    starts[copy] = batch.terminations[copy] || batch.truncations[copy]
                }
            }
            let lastValues = (0..<2).map { value(envs.batch.observation($0)) }
            buffer.computeAdvantages(lastValues: lastValues, gamma: 0.5, lambda: 0.5)
            // Copy 0's real transitions of episodes that ended inside the rollout.
            var rows: [(observation: Float, reward: Float, advantage: Float)] = []
            var episode: [(observation: Float, reward: Float, advantage: Float)] = []
            for step in 0..<steps {
                let row = step * 2
                guard buffer.isTrainingRow[row] else { continue }
                episode.append((buffer.observations[row * 4], buffer.rewards[row], buffer.advantages[row]))
                if buffer.terminations[row] || buffer.truncations[row] {
                    rows += episode
                    episode = []
                }
            }
            return rows
        }
        let same = try collect(.sameStep, steps: 20)
        let next = try collect(.nextStep, steps: 24)
        #expect(same.count >= 15)
        let common = min(same.count, next.count)
        #expect(same.prefix(common).map(\.observation) == next.prefix(common).map(\.observation))
        #expect(same.prefix(common).map(\.advantage) == next.prefix(common).map(\.advantage))
        #expect(same.contains { $0.advantage != 0 })
    }
}
