import NeuralCore
import Testing

/// A ``Tape`` changes where numbers are stored, never what they are.
struct TapeTests {
    /// The same training steps with and without a tape give bit-identical losses and parameters.
    @Test func tapeUpdatesEqualFreshGraphUpdates() {
        let (plain, taped) = (TrainingFixture.perceptron([4, 32, 32, 2], seed: 1), TrainingFixture.perceptron([4, 32, 32, 2], seed: 1))
        let teacher = TrainingFixture.perceptron([4, 32, 32, 2], seed: 2)
        let (plainOptimizer, tapedOptimizer, tape) = (Adam(learningRate: 1e-2), Adam(learningRate: 1e-2), Tape())
        let parameters = taped.parameters
        for seed in 0..<6 {
            let fixture = TrainingFixture(batchSize: 16 + seed % 3, seed: UInt64(seed))
            let expected = fixture.graphStep(student: plain, teacher: teacher, optimizer: plainOptimizer)
            #expect(fixture.tapeStep(student: taped, parameters: parameters, teacher: teacher, optimizer: tapedOptimizer, tape: tape) == expected)
        }
        #expect(taped.parameters.map(\.value) == plain.parameters.map(\.value))
    }

    /// Steady state reuses the nodes: the tape's node count stops growing.
    @Test func nodesAreReusedFromStepToStep() {
        let model = TrainingFixture.perceptron([4, 8, 2], seed: 3)
        let parameters = model.parameters
        let tape = Tape()
        let input = Tensor.ones([5, 4])
        var counts: [Int] = []
        for _ in 0..<4 {
            tape.valueAndGradient(at: parameters) { tape in model(tape.constant(input)).squared().mean() }
            counts.append(tape.nodeCount)
        }
        #expect(counts.allSatisfy { $0 == counts[0] } && counts[0] > 0)
    }

    /// A result kept from an earlier step keeps its value: a reused node that someone still
    /// holds is replaced, never overwritten.
    @Test func keptResultsKeepTheirValues() {
        let weight = Variable(Tensor([2]), requiresGradient: true)
        let tape = Tape()
        var kept: [Tensor] = []
        var held: [Variable] = []
        for step in 1...3 {
            tape.evaluate { tape in
                let product = tape.constant(Tensor([Float(step)])) * weight
                held.append(product)
                kept.append(product.value)
            }
        }
        #expect(kept.map { $0.scalars } == [[2], [4], [6]])
        #expect(held.map { $0.value.scalars } == [[2], [4], [6]])
    }

    /// Gradients accumulate across backward passes until cleared, as PyTorch's do.
    @Test func gradientsAccumulateUntilCleared() {
        let weight = Variable(Tensor([3]), requiresGradient: true)
        (weight * weight).sum().backward()
        (weight * 2).sum().backward()
        #expect(weight.grad == Tensor([8]))
        zeroGradients(of: [weight])
        #expect(weight.grad == nil)
        (weight * 2).sum().backward()
        #expect(weight.grad == Tensor([2]))
    }

    /// A detached value stops the gradient on a tape too: a target network gets none.
    @Test func detachedStopsTheGradientOnATape() {
        let online = Variable(Tensor([2]), requiresGradient: true)
        let target = Variable(Tensor([5]), requiresGradient: true)
        let tape = Tape()
        for _ in 0..<2 {
            tape.valueAndGradient(at: [online]) { tape in
                let goal = (tape.constant(Tensor([1])) * target).detached()
                return (online - goal).squared().sum()
            }
        }
        #expect(online.grad == Tensor([-6]))
        #expect(target.grad == nil)
    }

    /// A gather keeps its own copy of the chosen entries: a caller refilling its index array
    /// (the next batch's actions) before the backward pass changes nothing.
    @Test func gatherKeepsItsOwnIndices() {
        let weights = Variable(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]), requiresGradient: true)
        var chosen = [2, 0]
        let tape = Tape()
        let loss = tape.valueAndGradient(at: [weights]) { _ in
            let picked = weights.gathering(chosen)
            chosen[0] = 1
            chosen[1] = 1
            return picked.sum()
        }
        #expect(loss == 7)
        #expect(weights.grad == Tensor(shape: [2, 3], scalars: [0, 0, 1, 1, 0, 0]))
    }

    /// Nodes kept after their tape is gone, or replaced while held, leave the tape cleanly:
    /// operations on them still work (on fresh nodes).
    @Test func nodesOutliveTheirTape() throws {
        let weight = Variable(Tensor([3]), requiresGradient: true)
        var held: Variable?
        do {
            let tape = Tape()
            held = tape.evaluate { tape in tape.constant(Tensor([2])) * weight }
            _ = tape.evaluate { tape in tape.constant(Tensor([5])) * weight }
        }
        let later = try #require(held)
        let product = later * weight
        #expect(product.value == Tensor([18]))
        product.sum().backward()
        #expect(weight.grad == Tensor([6]))
    }
}
