import AllocationCounter
import Foundation
import NeuralCore
import Testing
import TestSupport

/// A steady-state training step through the graph API on a ``Tape`` must not touch the heap,
/// for a perceptron, a convolutional net and an LSTM. Each check runs in its own process (an
/// exit test) so allocations of tests running in parallel are not counted; the exit code is
/// the number of allocations seen over ten steps (capped at 99). Only optimised builds promise this
/// (debug builds box unspecialised generics).
@Suite(.enabled(if: runsAllocationChecks, "allocation-free training is promised for optimised builds, and counted through glibc's malloc"))
struct TrainingAllocationTests {
    /// Allocations of ten steps, after `warmUp` steps that size every buffer.
    static func allocationsOfTenSteps(warmUp: Int = 3, _ step: () -> Void) -> Int32 {
        for _ in 0..<warmUp { step() }
        let before = dojo_allocation_count()
        for _ in 0..<10 { step() }
        return Int32(min(dojo_allocation_count() - before, 99))
    }

    @Test func perceptronStepAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            let student = TrainingFixture.perceptron([4, 64, 64, 2], seed: 1)
            let teacher = TrainingFixture.perceptron([4, 64, 64, 2], seed: 2)
            let parameters = student.parameters
            let (optimizer, tape) = (Adam(learningRate: 1e-4), Tape())
            let fixture = TrainingFixture(batchSize: 64, seed: 3)
            exit(Self.allocationsOfTenSteps { _ = fixture.tapeStep(student: student, parameters: parameters, teacher: teacher, optimizer: optimizer, tape: tape) })
        }
    }

    @Test func convolutionalStepAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            var generator = SplitMix64(seed: 4)
            let model = Sequential([
                Conv2D(inChannels: 2, outChannels: 8, kernelSize: 3, padding: 1, using: &generator), ReLU(),
                Conv2D(inChannels: 8, outChannels: 8, kernelSize: 3, using: &generator), ReLU(), Flatten(),
                Linear(inputSize: 8 * 4 * 5, outputSize: 7, using: &generator),
            ])
            let parameters = model.parameters
            let (optimizer, tape) = (Adam(learningRate: 1e-3), Tape())
            let planes = Tensor.normal([16, 2, 6, 7], using: &generator)
            let actions = (0..<16).map { $0 % 7 }
            exit(Self.allocationsOfTenSteps {
                tape.valueAndGradient(at: parameters) { tape in
                    crossEntropy(logits: model(tape.constant(planes)), labels: actions)
                }
                optimizer.step(parameters)
            })
        }
    }

    @Test func recurrentStepAllocatesNothing() async {
        await #expect(processExitsWith: .success) {
            var generator = SplitMix64(seed: 5)
            let lstm = LSTM(inputSize: 8, hiddenSize: 16, using: &generator)
            let head = Linear(inputSize: 16, outputSize: 1, using: &generator)
            let parameters = lstm.parameters + head.parameters
            let (optimizer, tape) = (Adam(learningRate: 1e-3), Tape())
            let sequence = Tensor.normal([12, 4, 8], using: &generator)
            let targets = Tensor.normal([12, 4, 1], using: &generator)
            exit(Self.allocationsOfTenSteps {
                tape.valueAndGradient(at: parameters) { tape in
                    meanSquaredError(head(lstm(tape.constant(sequence)).output), tape.constant(targets))
                }
                optimizer.step(parameters)
            })
        }
    }

    /// A target network's hard and soft updates work in place.
    @Test func targetNetworkUpdatesAllocateNothing() async {
        await #expect(processExitsWith: .success) {
            let online = TrainingFixture.perceptron([4, 64, 64, 2], seed: 1)
            let target = online.copy()
            exit(Self.allocationsOfTenSteps {
                target.copyParameters(from: online)
                target.interpolate(towards: online, tau: 0.005)
            })
        }
    }

    /// Without a tape the same graph makes fresh nodes every step: the tape is what removes them.
    @Test func graphStepWithoutATapeAllocates() async {
        await #expect(processExitsWith: .failure) {
            let student = TrainingFixture.perceptron([4, 64, 64, 2], seed: 1)
            let teacher = TrainingFixture.perceptron([4, 64, 64, 2], seed: 2)
            let optimizer = Adam(learningRate: 1e-4)
            let fixture = TrainingFixture(batchSize: 64, seed: 3)
            exit(Self.allocationsOfTenSteps { _ = fixture.graphStep(student: student, teacher: teacher, optimizer: optimizer) })
        }
    }
}
