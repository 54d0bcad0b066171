import Agents
import Dojo
import NeuralCore
import Testing

/// The replay ring: what it stores, how time limits and terminations differ, masks, sampling.
@Suite struct ReplayBufferTests {
    /// Adds transition `index` with observation `[index, -index]` and next `[index + 1, ...]`.
    func add(_ index: Int, to buffer: inout ReplayBuffer, terminated: Bool = false, discount: Float = 0.9, mask: [Bool]? = nil) {
        let observation: [Float] = [Float(index), -Float(index)]
        let next: [Float] = [Float(index + 1), -Float(index + 1)]
        observation.withUnsafeBufferPointer { observation in
            next.withUnsafeBufferPointer { next in
                (mask ?? []).withUnsafeBufferPointer { flags in
                    buffer.add(
                        observation: observation, action: index % 3, reward: Float(index) / 10, nextObservation: next,
                        terminated: terminated, discount: discount, nextMask: mask == nil ? nil : flags)
                }
            }
        }
    }

    @Test func ringOverwritesTheOldestAndCountsUpToCapacity() {
        var buffer = ReplayBuffer(capacity: 3, observationSize: 2, actionCount: 3, storesMasks: false)
        for index in 0..<5 { add(index, to: &buffer) }
        #expect(buffer.count == 3 && buffer.position == 2)
        // Slots hold transitions 3, 4, 2.
        #expect((0..<3).map { buffer.transition(at: $0).observation } == [[3, -3], [4, -4], [2, -2]])
        #expect((0..<3).map { buffer.transition(at: $0).nextObservation } == [[4, -4], [5, -5], [3, -3]])
        #expect((0..<3).map { buffer.transition(at: $0).action } == [0, 1, 2])
    }

    @Test func truncationsBootstrapAndTerminationsDoNot() {
        var buffer = ReplayBuffer(capacity: 2, observationSize: 2, actionCount: 3, storesMasks: false)
        add(0, to: &buffer, terminated: false, discount: 0.99)
        add(1, to: &buffer, terminated: true, discount: 0.99)
        let batch = ReplayBatch(size: 2, observationSize: 2, actionCount: 3)
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<20 {
            buffer.sample(into: batch, using: &generator)
            for row in 0..<2 {
                let slot = batch.indices[row]
                #expect(batch.bootstrapScales.scalars[row] == (slot == 0 ? 0.99 : 0))
                #expect(batch.rewards.scalars[row] == Float(slot) / 10)
                #expect(batch.observations.scalars[2 * row] == Float(slot))
                #expect(batch.actions[row] == slot % 3)
                #expect(batch.weights.scalars[row] == 1)
            }
        }
    }

    @Test func nextMasksAreStoredAndTerminalOnesAllowEverything() {
        var buffer = ReplayBuffer(capacity: 2, observationSize: 2, actionCount: 3, storesMasks: true)
        add(0, to: &buffer, mask: [false, true, false])
        add(1, to: &buffer, terminated: true, mask: [false, false, false])
        #expect(buffer.transition(at: 0).nextMask == [false, true, false])
        #expect(buffer.transition(at: 1).nextMask == [true, true, true])
    }

    @Test func uniformSamplingIsSeededAndCoversTheBuffer() {
        var buffer = ReplayBuffer(capacity: 10, observationSize: 2, actionCount: 3, storesMasks: false)
        for index in 0..<10 { add(index, to: &buffer) }
        let batch = ReplayBatch(size: 1_000, observationSize: 2, actionCount: 3)
        var first = SeededGenerator(seed: 7)
        buffer.sample(into: batch, using: &first)
        let drawn = batch.indices
        var second = SeededGenerator(seed: 7)
        buffer.sample(into: batch, using: &second)
        #expect(batch.indices == drawn)
        // Each slot has probability 0.1: 100 expected of 1,000, standard deviation 9.5.
        for slot in 0..<10 {
            let hits = drawn.count { $0 == slot }
            #expect(abs(hits - 100) < 48, "slot \(slot) drawn \(hits) times")
        }
    }
}
