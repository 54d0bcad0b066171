import Foundation
import NeuralCore
import Testing

struct TensorTests {
    @Test func creationAndIndexing() {
        var tensor = Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
        #expect(tensor[1, 2] == 5)
        tensor[0, 1] = 9
        #expect(tensor.scalars == [0, 9, 2, 3, 4, 5])
        #expect(Tensor.zeros([2, 2]).scalars == [0, 0, 0, 0])
        #expect(Tensor.ones([3]).scalars == [1, 1, 1])
        #expect(Tensor(3).rank == 0)
    }

    @Test func valueSemantics() {
        let original = Tensor([1, 2, 3])
        var copy = original
        copy[0] = 7
        #expect(original.scalars == [1, 2, 3])
        #expect(copy.scalars == [7, 2, 3])
    }

    @Test func seededRandomIsReproducible() {
        var first = SplitMix64(seed: 1)
        var second = SplitMix64(seed: 1)
        #expect(Tensor.normal([5], using: &first) == Tensor.normal([5], using: &second))
        var generator = SplitMix64(seed: 2)
        let uniform = Tensor.uniform([1000], lower: -1, upper: 1, using: &generator)
        #expect(uniform.scalars.allSatisfy { $0 >= -1 && $0 < 1 })
        let normal = Tensor.normal([20000], mean: 2, standardDeviation: 3, using: &generator)
        #expect(abs(normal.mean().scalar - 2) < 0.1)
        let variance = normal.map { ($0 - 2) * ($0 - 2) }.mean().scalar
        #expect(abs(variance.squareRoot() - 3) < 0.1)
    }

    @Test func reshapeAndPermute() {
        let tensor = Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
        #expect(tensor.reshaped(to: [3, -1]).shape == [3, 2])
        #expect(tensor.transposed().scalars == [0, 3, 1, 4, 2, 5])
        let cube = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Float.init))
        let permuted = cube.permuted([2, 0, 1])
        #expect(permuted.shape == [4, 2, 3])
        #expect(permuted[3, 1, 2] == cube[1, 2, 3])
    }

    @Test func concatenateSliceSelect() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        let b = Tensor(shape: [2, 1], scalars: [5, 6])
        let joined = Tensor.concatenate([a, b], alongAxis: 1)
        #expect(joined.scalars == [1, 2, 5, 3, 4, 6])
        #expect(joined.sliced(alongAxis: 1, 1..<3).scalars == [2, 5, 4, 6])
        #expect(joined.selecting([1, 1, 0], alongAxis: 0).scalars == [3, 4, 6, 3, 4, 6, 1, 2, 5])
    }

    @Test func broadcastingArithmetic() {
        let matrix = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let row = Tensor([10, 20, 30])
        let column = Tensor(shape: [2, 1], scalars: [1, 2])
        #expect((matrix + row).scalars == [11, 22, 33, 14, 25, 36])
        #expect((matrix * column).scalars == [1, 2, 3, 8, 10, 12])
        #expect((column - row).shape == [2, 3])
        #expect((matrix - column).scalars == [0, 1, 2, 2, 3, 4])
        #expect((column - matrix).scalars == [0, -1, -2, -2, -3, -4])
        let cube = Tensor(shape: [2, 2, 3], scalars: (1...12).map(Float.init))
        let perBlock = Tensor(shape: [2, 1, 1], scalars: [1, 100])
        let blockValues: [Float] = (0..<12).map { $0 < 6 ? 1 : 100 }
        #expect((cube - perBlock).scalars == zip(cube.scalars, blockValues).map { $0 - $1 })
        #expect((perBlock / cube).scalars == zip(blockValues, cube.scalars).map { $0 / $1 })
        #expect((matrix / 2).scalars == [0.5, 1, 1.5, 2, 2.5, 3])
    }

    @Test func reductions() {
        let matrix = Tensor(shape: [2, 3], scalars: [1, 5, 3, 4, 2, 6])
        #expect(matrix.sum().scalar == 21)
        #expect(matrix.sum(alongAxes: [0]).scalars == [5, 7, 9])
        #expect(matrix.sum(alongAxes: [1], keepingDimensions: true).shape == [2, 1])
        #expect(matrix.mean(alongAxes: [1]).scalars == [3, 4])
        #expect(matrix.max(alongAxis: 1).scalars == [5, 6])
        #expect(matrix.argmax(alongAxis: 1) == [1, 2])
        #expect(matrix.argmax(alongAxis: 0) == [1, 0, 1])
        let lse = matrix.logSumExp(alongAxis: 1).scalars
        let expected = [Float(log(exp(1.0) + exp(5.0) + exp(3.0))), Float(log(exp(4.0) + exp(2.0) + exp(6.0)))]
        #expect(isApproximatelyEqual(lse, expected))
    }

    @Test func logSumExpIsStableForLargeValues() {
        let tensor = Tensor([1000, 1000])
        #expect(isApproximatelyEqual(tensor.logSumExp(alongAxis: 0).scalars, [1000 + 0.6931472]))
    }

    @Test func matmulPlainAndBatched() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        #expect(Tensor.matmul(a, b).scalars == [58, 64, 139, 154])
        #expect(Tensor.matmul(a, a, transposingRHS: true).scalars == [14, 32, 32, 77])
        let batch = Tensor.concatenate([a.reshaped(to: [1, 2, 3]), (a * 2).reshaped(to: [1, 2, 3])], alongAxis: 0)
        let batchedB = Tensor.concatenate([b.reshaped(to: [1, 3, 2]), b.reshaped(to: [1, 3, 2])], alongAxis: 0)
        #expect(Tensor.matmul(batch, batchedB).scalars == [58, 64, 139, 154, 116, 128, 278, 308])
        #expect(Tensor.matmul(batch, b).scalars == [58, 64, 139, 154, 116, 128, 278, 308])
    }

    @Test func largeMatmulMatchesNaiveProduct() {
        var generator = SplitMix64(seed: 3)
        let a = Tensor.normal([67, 45], using: &generator)
        let b = Tensor.normal([45, 131], using: &generator)
        let product = Tensor.matmul(a, b)
        var naive = [Float](repeating: 0, count: 67 * 131)
        for i in 0..<67 {
            for j in 0..<131 {
                var total: Double = 0
                for p in 0..<45 { total += Double(a[i, p]) * Double(b[p, j]) }
                naive[i * 131 + j] = Float(total)
            }
        }
        #expect(isApproximatelyEqual(product.scalars, naive, tolerance: 1e-4))
    }

    /// Refilling in place: all elements from a buffer, or rows gathered from a larger source.
    @Test func assigningValuesAndRows() {
        var tensor = Tensor.zeros([2, 3])
        tensor.assign([1, 2, 3, 4, 5, 6])
        #expect(tensor == Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
        let source: [Float] = [10, 11, 12, 20, 21, 22, 30, 31, 32]
        tensor.assignRows([2, 0], of: source)
        #expect(tensor == Tensor(shape: [2, 3], scalars: [30, 31, 32, 10, 11, 12]))
        var perRow = Tensor.zeros([3])
        perRow.assignRows([1, 1, 0][...], of: [7, 8])
        #expect(perRow == Tensor([8, 8, 7]))
    }
}
