import Agents
import Dojo
import Foundation
import Testing

/// The sum tree and prioritized sampling: proportions, importance weights, priority updates.
@Suite struct PrioritizedReplayTests {
    @Test func sumTreeKeepsTotalsAndFindsPrefixes() {
        var tree = SumTree(capacity: 5)
        for (index, weight) in [1.0, 2, 3, 4, 0].enumerated() { tree[index] = weight }
        #expect(tree.total == 10)
        #expect([0.0, 0.99, 1, 2.99, 3, 5.99, 6, 9.99].map(tree.leaf(atPrefixSum:)) == [0, 0, 1, 1, 2, 2, 3, 3])
        tree[1] = 0
        #expect(tree.total == 8 && tree.leaf(atPrefixSum: 1.5) == 2)
    }

    @Test func sumTreeSamplesInProportionToWeight() {
        var tree = SumTree(capacity: 6)
        let weights = [1.0, 2, 3, 0, 4, 10]
        for (index, weight) in weights.enumerated() { tree[index] = weight }
        var generator = SeededGenerator(seed: 3)
        let draws = 100_000
        var hits = Array(repeating: 0, count: 6)
        for _ in 0..<draws { hits[tree.leaf(atPrefixSum: generator.nextUnitDouble() * tree.total)] += 1 }
        for (index, weight) in weights.enumerated() {
            let p = weight / 20
            // Five binomial standard deviations: a false failure about once in 1.7 million.
            let bound = 5 * (Double(draws) * p * (1 - p)).squareRoot()
            #expect(abs(Double(hits[index]) - Double(draws) * p) <= bound, "leaf \(index): \(hits[index]) of \(draws), weight \(weight)")
        }
    }

    @Test func prioritizedSamplingFollowsPrioritiesAndWeightsCorrect() throws {
        var buffer = ReplayBuffer(capacity: 4, observationSize: 1, actionCount: 2, storesMasks: false, prioritized: true, alpha: 1)
        let zero: [Float] = [0]
        for _ in 0..<4 {
            zero.withUnsafeBufferPointer {
                buffer.add(observation: $0, action: 0, reward: 0, nextObservation: $0, terminated: false, discount: 1, nextMask: nil)
            }
        }
        // New transitions get the largest priority so far (1): sampling starts uniform.
        #expect((0..<4).map { buffer.transition(at: $0).priority! } == [1, 1, 1, 1])
        let errors: [Float] = [1, 2, 3, 4]
        errors.withUnsafeBufferPointer { buffer.updatePriorities(indices: [0, 1, 2, 3], tdErrors: $0, epsilon: 0) }
        #expect((0..<4).map { buffer.transition(at: $0).priority! } == [1, 2, 3, 4])

        let batch = ReplayBatch(size: 10, observationSize: 1, actionCount: 2)
        var generator = SeededGenerator(seed: 5)
        var hits = Array(repeating: 0, count: 4)
        let rounds = 5_000
        for _ in 0..<rounds {
            buffer.sample(into: batch, beta: 0.5, using: &generator)
            for row in 0..<10 {
                let slot = batch.indices[row]
                hits[slot] += 1
                // w = (N·P)^-β / max over the batch; P = p / 10, N = 4.
                let expected = pow(4 * Double(slot + 1) / 10, -0.5)
                let largest = batch.indices.map { pow(4 * Double($0 + 1) / 10, -0.5) }.max()!
                #expect(abs(Double(batch.weights.scalars[row]) - expected / largest) < 1e-6)
            }
        }
        let total = Double(rounds * 10)
        for slot in 0..<4 {
            let p = Double(slot + 1) / 10
            // Stratified draws vary less than independent ones, so the binomial bound is loose enough.
            let bound = 5 * (total * p * (1 - p)).squareRoot()
            #expect(abs(Double(hits[slot]) - total * p) <= bound, "slot \(slot): \(hits[slot]) of \(Int(total))")
        }
    }
}
