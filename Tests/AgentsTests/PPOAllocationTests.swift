import Agents
import AllocationCounter
import Dojo
import Foundation
import NeuralCore
import Testing
import TestSupport

/// PPO's minibatch step in steady state (shuffling the rollout, filling the minibatch, the
/// update on the tape with masks, clipping and Adam) must not touch the heap. The check runs
/// in its own process; the exit code is the allocations over ten steps (capped at 99).
@Suite(.enabled(if: runsAllocationChecks, "allocation-free training is promised for optimised builds, and counted through glibc's malloc"))
struct PPOAllocationTests {
    static func allocationsOfTenSteps() -> Int32 {
        var generator = SeededGenerator(seed: 9)
        let network = ActorCritic(observationSize: 4, actionCount: 3, hiddenSizes: [64, 64], activation: .tanh, using: &generator)
        let learner = PPOLearner(network: network, learningRate: 3e-4, valueClipRange: 0.2, entropyCoefficient: 0.01)
        var buffer = RolloutBuffer(steps: 128, copies: 2, observationSize: 4, actionCount: 3, storesMasks: true, autoresetMode: .sameStep)
        var observations = Tensor.zeros([8])
        for step in 0..<128 {
            observations.fillNormal(using: &generator)
            let masks = (0..<6).map { $0 % 3 != step % 3 || $0 % 3 == 0 }
            let actions = [0, 0]
            let (logProbabilities, values) = ([Float(-1.1), -1.1], [Float(0.5), -0.5])
            let (starts, rewards, ended) = ([false, false], [1.0, -1.0], [step % 10 == 9, false])
            buffer.add(
                observations: observations.scalars, masks: masks, actions: actions, logProbabilities: logProbabilities,
                values: values, episodeStarts: starts, rewards: rewards, terminations: ended, truncations: starts)
        }
        buffer.computeAdvantages(lastValues: [0, 0], gamma: 0.99, lambda: 0.95)
        let batch = RolloutBatch(size: 64, observationSize: 4, actionCount: 3, usesMasks: true)
        var rows = Array(0..<256)
        func step() {
            rows.shuffle(using: &generator)
            buffer.fill(batch, rows: rows[0..<64])
            learner.update(on: batch)
        }
        for _ in 0..<3 { step() }
        let before = dojo_allocation_count()
        for _ in 0..<10 { step() }
        return Int32(min(dojo_allocation_count() - before, 99))
    }

    @Test func maskedMinibatchUpdateAllocatesNothing() async {
        await #expect(processExitsWith: .success) { exit(Self.allocationsOfTenSteps()) }
    }
}
