import NeuralCore
import Testing

/// ``PerceptronWorkspace`` and the in-place tensor operations must reproduce the graph API
/// exactly: same kernels, same order of operations, so bit-identical values.
struct PerceptronWorkspaceTests {
    @Test(arguments: ["relu", "tanh", "sigmoid", "leaky"])
    func gradientsMatchTheGraphBitForBit(activation: String) {
        let make: () -> any Layer = switch activation {
        case "tanh": { Tanh() }
        case "sigmoid": { Sigmoid() }
        case "leaky": { LeakyReLU(slope: 0.1) }
        default: { ReLU() }
        }
        let model = DQNFixture.perceptron([4, 16, 8, 2], seed: 3, activation: make)
        let fixture = DQNFixture(batchSize: 12, seed: 5)
        var generator = SplitMix64(seed: 11)
        let targets = Tensor.normal([12], using: &generator)
        let (graphLoss, graphGradients) = model.valueAndGradient { huberLoss($0(Variable(fixture.observations)).gathering(fixture.actions), Variable(targets)) }

        let workspace = PerceptronWorkspace(model)
        var outputGradient = Tensor.zeros([0])
        let loss = huberLoss(workspace.forward(fixture.observations), gathering: fixture.actions, target: targets, gradient: &outputGradient)
        workspace.backward(outputGradient: outputGradient)

        #expect(loss == graphLoss)
        #expect(workspace.parameters.map { $0.grad } == graphGradients)
        #expect(workspace.forward(fixture.observations) == model(fixture.observations))
    }

    @Test func dqnUpdatesMatchTheGraphBitForBit() {
        let (graphOnline, workspaceOnline) = (DQNFixture.perceptron([4, 32, 32, 2], seed: 1), DQNFixture.perceptron([4, 32, 32, 2], seed: 1))
        let target = DQNFixture.perceptron([4, 32, 32, 2], seed: 2)
        let graphOptimizer = Adam(learningRate: 1e-2)
        let workspace = WorkspaceDQN(online: workspaceOnline, target: target, optimizer: Adam(learningRate: 1e-2))
        for seed in 0..<5 {
            let fixture = DQNFixture(batchSize: 16 + seed % 2, seed: UInt64(seed))
            #expect(workspace.update(fixture) == fixture.graphUpdate(online: graphOnline, target: target, optimizer: graphOptimizer))
        }
        #expect(workspaceOnline.parameters.map(\.value) == graphOnline.parameters.map(\.value))
    }

    @Test func backwardReplacesEarlierGradients() {
        let model = DQNFixture.perceptron([4, 8, 2], seed: 4)
        let fixture = DQNFixture(batchSize: 6, seed: 6)
        let workspace = PerceptronWorkspace(model)
        _ = workspace.forward(fixture.observations)
        let gradient = Tensor.ones([6, 2])
        workspace.backward(outputGradient: gradient)
        let first = workspace.parameters.map { $0.grad }
        workspace.backward(outputGradient: gradient)
        #expect(workspace.parameters.map { $0.grad } == first)
    }

    @Test func inPlaceMaxAndFillMatchTheirAllocatingForms() {
        var generator = SplitMix64(seed: 9)
        let values = Tensor.normal([3, 5, 4], using: &generator)
        for axis in 0..<3 {
            var result = Tensor.zeros([0])
            values.max(alongAxis: axis, into: &result)
            #expect(result == values.max(alongAxis: axis))
            values.max(alongAxis: axis, into: &result)
            #expect(result == values.max(alongAxis: axis))
        }
        var (first, second) = (SplitMix64(seed: 2), SplitMix64(seed: 2))
        var filled = Tensor.zeros([7, 3])
        filled.fillNormal(mean: 1, standardDeviation: 2, using: &first)
        #expect(filled == Tensor.normal([7, 3], mean: 1, standardDeviation: 2, using: &second))
    }
}
