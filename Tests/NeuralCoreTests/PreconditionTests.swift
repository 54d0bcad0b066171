import NeuralCore
import Testing

/// Contract violations stop the process with a precondition failure instead of computing garbage.
struct PreconditionTests {
    @Test func mismatchedScalarCountStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor(shape: [2, 2], scalars: [1, 2, 3])
        }
    }

    @Test func incompatibleBroadcastStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.zeros([2, 3]) + Tensor.zeros([4])
        }
    }

    @Test func matmulInnerExtentMismatchStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.matmul(Tensor.zeros([2, 3]), Tensor.zeros([4, 2]))
        }
    }

    @Test func linearInputSizeMismatchStops() async {
        await #expect(processExitsWith: .failure) {
            let layer = Linear(weight: Tensor.zeros([2, 3]), bias: nil)
            _ = layer(Tensor.zeros([1, 4]))
        }
    }

    @Test func nonScalarBackwardStops() async {
        await #expect(processExitsWith: .failure) {
            Variable(Tensor.zeros([2]), requiresGradient: true).exp().backward()
        }
    }

    @Test func workspaceOfUnsupportedLayerStops() async {
        await #expect(processExitsWith: .failure) {
            _ = PerceptronWorkspace(Sequential([Flatten()]))
        }
    }

    @Test func workspaceOfRepeatedLayerStops() async {
        await #expect(processExitsWith: .failure) {
            let layer = Linear(weight: Tensor.zeros([3, 3]), bias: nil)
            _ = PerceptronWorkspace(Sequential([layer, ReLU(), layer]))
        }
    }
}
