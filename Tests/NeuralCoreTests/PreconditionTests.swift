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

    /// A parameter whose shape changed under its optimizer state is named, not written out of bounds.
    @Test func optimizerStateOfAReshapedParameterStops() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let adam = Adam()
            let parameters = [Variable(Tensor.zeros([2]), requiresGradient: true), Variable(Tensor.zeros([3]), requiresGradient: true)]
            for parameter in parameters { parameter.grad = Tensor.ones(parameter.shape) }
            adam.step(parameters)
            parameters[1].value = Tensor.zeros([30])
            parameters[1].grad = Tensor.ones([30])
            adam.step(parameters)
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("optimizer state of parameter 1 was made for shape [3], but the parameter now has shape [30]"))
    }

    @Test func nonScalarBackwardStops() async {
        await #expect(processExitsWith: .failure) {
            Variable(Tensor.zeros([2]), requiresGradient: true).exp().backward()
        }
    }
}
