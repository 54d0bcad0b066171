import Foundation
import NeuralCore
import Testing

struct OptimizerTests {
    /// Runs `optimizer` on one scalar parameter starting at 1 with the given gradient sequence.
    func trajectory(_ optimizer: some Optimizer, gradients: [Float]) -> [Float] {
        let parameter = Variable(Tensor([1]), requiresGradient: true)
        return gradients.map { gradient in
            parameter.grad = Tensor([gradient])
            optimizer.step([parameter])
            return parameter.value.scalars[0]
        }
    }

    func expectClose(_ actual: [Float], _ expected: [Float]) {
        #expect(isApproximatelyEqual(actual, expected, tolerance: 1e-6), "got \(actual), expected \(expected)")
    }

    @Test func adamFirstStepsMatchHandComputation() {
        // t=1: m=0.05, v=0.00025, m̂=0.5, v̂=0.25 → θ = 1 - 0.1·0.5/0.5 = 0.9
        // t=2 (g=-1): m=-0.055, v=0.00124975, m̂=-0.055/0.19, v̂=0.00124975/0.001999
        //            → θ = 0.9 + 0.1·0.2894737/0.7906879 = 0.9366103
        expectClose(trajectory(Adam(learningRate: 0.1), gradients: [0.5, -1]), [0.9, 0.9366103])
    }

    @Test func adamVectorKernelMatchesTheFormula() {
        var generator = SplitMix64(seed: 4)
        let start = Tensor.normal([19], using: &generator)
        let gradients = [Tensor.normal([19], using: &generator), Tensor.normal([19], using: &generator)]
        let parameter = Variable(start, requiresGradient: true)
        let adam = Adam(learningRate: 0.01)
        for gradient in gradients {
            parameter.grad = gradient
            adam.step([parameter])
        }
        var expected = [Float]()
        for index in 0..<19 {
            var (theta, m, v) = (Double(start.scalars[index]), 0.0, 0.0)
            for (step, gradient) in gradients.enumerated() {
                let g = Double(gradient.scalars[index])
                m = 0.9 * m + 0.1 * g
                v = 0.999 * v + 0.001 * g * g
                let mHat = m / (1 - pow(0.9, Double(step + 1)))
                let vHat = v / (1 - pow(0.999, Double(step + 1)))
                theta -= 0.01 * mHat / (vHat.squareRoot() + 1e-8)
            }
            expected.append(Float(theta))
        }
        expectClose(parameter.value.scalars, expected)
    }

    @Test func adamWDecaysBeforeTheAdamStep() {
        // θ = 1 - 0.1·0.1·1 = 0.99, then - 0.1 → 0.89
        expectClose(trajectory(AdamW(learningRate: 0.1, weightDecay: 0.1), gradients: [0.5]), [0.89])
        // Adam's L2 decay goes through the moments instead: g = 0.6, step is still η.
        expectClose(trajectory(Adam(learningRate: 0.1, weightDecay: 0.2), gradients: [0.5]), [0.9])
    }

    @Test func sgdVariants() {
        expectClose(trajectory(SGD(learningRate: 0.1), gradients: [1, 1]), [0.9, 0.8])
        expectClose(trajectory(SGD(learningRate: 0.1, weightDecay: 0.1), gradients: [1]), [0.89])
        expectClose(trajectory(SGD(learningRate: 0.1, momentum: 0.9), gradients: [1, 1]), [0.9, 0.71])
        expectClose(trajectory(SGD(learningRate: 0.1, momentum: 0.9, isNesterov: true), gradients: [1, 1]), [0.81, 0.539])
    }

    @Test func rmsPropFirstStep() {
        // s = 0.01·0.25 = 0.0025, θ = 1 - 0.01·0.5/0.05 = 0.9
        expectClose(trajectory(RMSProp(learningRate: 0.01), gradients: [0.5]), [0.9])
    }

    @Test func optimizerStateIsNamedAndPerParameter() {
        let adam = Adam()
        let first = Variable(Tensor.zeros([2, 3]), requiresGradient: true)
        let second = Variable(Tensor.zeros([4]), requiresGradient: true)
        first.grad = Tensor.ones([2, 3])
        adam.step([first, second])
        #expect(adam.states[first]?.step == 1 && adam.states[second] == nil)
        #expect(adam.states[first]?.firstMoment.shape == [2, 3])
    }

    /// Two lists of the same count (an online and a target network) stepped by one optimizer:
    /// each parameter keeps its own moments, so the result equals two separate optimizers',
    /// and reordering a list changes nothing.
    @Test(arguments: [0, 1, 2])
    func stateFollowsTheParameterNotItsPosition(kind: Int) {
        func optimizer() -> any Optimizer {
            [Adam(learningRate: 0.01) as any Optimizer, RMSProp(learningRate: 0.01), SGD(learningRate: 0.01, momentum: 0.9)][kind]
        }
        func parameters(seed: UInt64) -> [Variable] {
            var generator = SplitMix64(seed: seed)
            return [[3, 2], [5], [2, 2]].map { Variable(Tensor.normal($0, using: &generator), requiresGradient: true) }
        }
        func setGradients(_ parameters: [Variable], step: Int) {
            var generator = SplitMix64(seed: UInt64(100 + step))
            for parameter in parameters { parameter.grad = Tensor.normal(parameter.shape, using: &generator) }
        }
        let shared = optimizer(), alone = optimizer(), other = optimizer()
        let online = parameters(seed: 1), target = parameters(seed: 2)
        let onlineAlone = parameters(seed: 1), targetAlone = parameters(seed: 2)
        for step in 0..<4 {
            for list in [online, target, onlineAlone, targetAlone] { setGradients(list, step: step) }
            shared.step(online)
            shared.step(step.isMultiple(of: 2) ? target.reversed() : target)
            alone.step(onlineAlone)
            other.step(targetAlone)
        }
        #expect(zip(online + target, onlineAlone + targetAlone).allSatisfy { $0.value == $1.value })
    }

    /// Adam's L2 term goes through the moments, so after the first step it changes the path:
    /// five steps against a float64 reference with decay, and far from the path without it.
    @Test func adamWeightDecayShapesTheTrajectory() {
        let gradients: [Float] = [0.5, -0.2, 0.1, 0.4, -0.3]
        let decayed = trajectory(Adam(learningRate: 0.1, weightDecay: 0.5), gradients: gradients)
        var (theta, m, v) = (1.0, 0.0, 0.0)
        var expected: [Float] = []
        for (index, gradient) in gradients.enumerated() {
            let g = Double(gradient) + 0.5 * theta
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            let step = Double(index + 1)
            theta -= 0.1 * (m / (1 - pow(0.9, step))) / ((v / (1 - pow(0.999, step))).squareRoot() + 1e-8)
            expected.append(Float(theta))
        }
        expectClose(decayed, expected)
        let plain = trajectory(Adam(learningRate: 0.1), gradients: gradients)
        #expect(abs(plain.last! - decayed.last!) > 0.05, "decay must move the fifth step: \(plain) against \(decayed)")
    }

    @Test func schedules() {
        #expect(ConstantSchedule(0.3)(100) == 0.3)
        let linear = LinearSchedule(initial: 1, final: 0.1, steps: 10)
        #expect(linear(0) == 1)
        #expect(abs(linear(5) - 0.55) < 1e-6)
        #expect(linear(50) == 0.1)
        let cosine = CosineSchedule(initial: 1, final: 0, steps: 100)
        #expect(cosine(0) == 1)
        #expect(abs(cosine(50) - 0.5) < 1e-6)
        #expect(abs(cosine(100)) < 1e-6)
    }

    @Test func clippingByGlobalNorm() {
        let a = Variable(Tensor([3]), requiresGradient: true)
        let b = Variable(Tensor([4]), requiresGradient: true)
        a.grad = Tensor([3])
        b.grad = Tensor([4])
        #expect(clipGradients(of: [a, b], maxNorm: 1) == 5)
        #expect(isApproximatelyEqual((a.grad?.scalars ?? []) + (b.grad?.scalars ?? []), [0.6, 0.8], tolerance: 1e-5))
        #expect(clipGradients(of: [a, b], maxNorm: 10) < 1.0001)
        #expect(isApproximatelyEqual(a.grad?.scalars ?? [], [0.6], tolerance: 1e-5))
    }

    /// The global norm sums every gradient, lanes and tail alike, in double precision.
    @Test func globalNormCoversLongGradients() {
        let values = (0..<37).map { Float($0) * 0.25 - 3 }
        let a = Variable(Tensor(shape: [37], scalars: values), requiresGradient: true)
        a.grad = Tensor(shape: [37], scalars: values)
        let expected = Float(values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot())
        #expect(clipGradients(of: [a], maxNorm: 1_000) == expected)
    }

    /// Adam's moments that decay below the normal range (a weight whose gradient stays zero)
    /// become zero instead of lingering as slow subnormal numbers, and the weight stays put.
    @Test func subnormalAdamMomentsFlushToZero() throws {
        let weight = Variable(Tensor(shape: [9], scalars: Array(repeating: 0.5, count: 9)), requiresGradient: true)
        let adam = Adam(learningRate: 0.1)
        weight.grad = Tensor(shape: [9], scalars: Array(repeating: 1, count: 9))
        adam.step([weight])
        var file = adam.checkpoint(of: [("w", weight)], progress: TrainingProgress(step: 1, scheduleStep: 1, learningRate: 0.1))
        let subnormal = Tensor(shape: [9], scalars: Array(repeating: Float.leastNormalMagnitude / 4, count: 9))
        file.tensors = file.tensors.map { ($0.name, subnormal) }
        _ = try adam.restore(from: file, parameters: [("w", weight)])
        let before = weight.value
        weight.grad = Tensor.zeros([9])
        adam.step([weight])
        let after = adam.checkpoint(of: [("w", weight)], progress: TrainingProgress(step: 2, scheduleStep: 2, learningRate: 0.1))
        #expect(after.tensors.allSatisfy { $0.tensor.scalars.allSatisfy { $0 == 0 } }, "\(after.tensors)")
        #expect(weight.value == before)
    }

    /// RMSProp's square average flushes to zero below the normal range, as Adam's moments do.
    @Test func subnormalRMSPropAveragesFlushToZero() throws {
        let weight = Variable(Tensor(shape: [3], scalars: [0.5, 0.5, 0.5]), requiresGradient: true)
        let rmsProp = RMSProp(learningRate: 0.1)
        weight.grad = Tensor(shape: [3], scalars: [1, 1, 1])
        rmsProp.step([weight])
        var file = rmsProp.checkpoint(of: [("w", weight)], progress: TrainingProgress(step: 1, scheduleStep: 1, learningRate: 0.1))
        file.tensors = file.tensors.map { ($0.name, Tensor(shape: [3], scalars: Array(repeating: Float.leastNormalMagnitude / 4, count: 3))) }
        _ = try rmsProp.restore(from: file, parameters: [("w", weight)])
        weight.grad = Tensor.zeros([3])
        rmsProp.step([weight])
        let after = rmsProp.checkpoint(of: [("w", weight)], progress: TrainingProgress(step: 2, scheduleStep: 2, learningRate: 0.1))
        #expect(after.tensors.allSatisfy { $0.tensor.scalars.allSatisfy { $0 == 0 } }, "\(after.tensors)")
    }
}
