import NeuralCore
import Testing

struct InitializerTests {
    func standardDeviation(_ tensor: Tensor) -> Float {
        let mean = tensor.mean().scalar
        return tensor.map { ($0 - mean) * ($0 - mean) }.mean().scalar.squareRoot()
    }

    @Test func fansFollowPyTorch() {
        #expect(Initializer.fans(of: [8, 3, 5, 5]) == (75, 200))
        #expect(Initializer.fans(of: [10, 4]) == (4, 10))
    }

    @Test func varianceScaling() {
        var generator = SplitMix64(seed: 1)
        let xavier = Initializer.xavierUniform([200, 300], using: &generator)
        #expect(xavier.scalars.allSatisfy { abs($0) <= (6.0 / 500.0).squareRoot() })
        #expect(abs(standardDeviation(xavier) - (2.0 / 500.0).squareRoot()) < 2e-3)
        let xavierNormal = Initializer.xavierNormal([200, 300], gain: 2, using: &generator)
        #expect(abs(standardDeviation(xavierNormal) - 2 * (2.0 / 500.0).squareRoot()) < 4e-3)
        let he = Initializer.heNormal([200, 300], using: &generator)
        #expect(abs(standardDeviation(he) - (2.0 / 300.0).squareRoot()) < 2e-3)
        let heUniform = Initializer.heUniform([200, 300], using: &generator)
        #expect(abs(standardDeviation(heUniform) - (2.0 / 300.0).squareRoot()) < 2e-3)
    }

    @Test(arguments: [[3, 7], [7, 3], [5, 5], [4, 2, 3, 3]])
    func orthogonalRowsOrColumnsAreOrthonormal(_ shape: [Int]) {
        var generator = SplitMix64(seed: 2)
        let gain: Float = 1.5
        let weight = Initializer.orthogonal(shape, gain: gain, using: &generator).reshaped(to: [shape[0], -1])
        let rows = weight.shape[0]
        let columns = weight.shape[1]
        let gram = rows <= columns
            ? Tensor.matmul(weight, weight, transposingRHS: true)
            : Tensor.matmul(weight, weight, transposingLHS: true)
        let size = min(rows, columns)
        var identity = Tensor.zeros([size, size])
        for index in 0..<size { identity[index, index] = gain * gain }
        #expect(isApproximatelyEqual(gram, identity, tolerance: 1e-5))
    }
}
