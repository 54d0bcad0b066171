import NeuralCore
import Testing

/// The blocked GEMM against a Double-accumulated naive product, across the kernel's block
/// edges (MR = 6 or 8, NR = 16 or 32, KC = 256, NC = 1024), both transposes, B read in place or packed
/// (row strides that are multiples of 1024), and forced thread counts.
struct MatMulTests {
    struct Case: Sendable, CustomStringConvertible {
        let m: Int, n: Int, k: Int
        let transposingLHS: Bool, transposingRHS: Bool
        let threads: Int?
        var description: String { "\(m)x\(n)x\(k) tA=\(transposingLHS) tB=\(transposingRHS) threads=\(threads.map(String.init) ?? "auto")" }
    }

    static let cases: [Case] = [
        Case(m: 1, n: 4, k: 3, transposingLHS: false, transposingRHS: false, threads: nil),
        Case(m: 7, n: 17, k: 5, transposingLHS: true, transposingRHS: false, threads: nil),
        Case(m: 13, n: 33, k: 300, transposingLHS: false, transposingRHS: true, threads: nil),
        Case(m: 37, n: 29, k: 260, transposingLHS: true, transposingRHS: true, threads: nil),
        Case(m: 100, n: 1030, k: 20, transposingLHS: false, transposingRHS: false, threads: 2),
        Case(m: 131, n: 70, k: 513, transposingLHS: false, transposingRHS: true, threads: 3),
        Case(m: 20, n: 300, k: 64, transposingLHS: true, transposingRHS: false, threads: 2),
        Case(m: 9, n: 1024, k: 40, transposingLHS: false, transposingRHS: false, threads: 1),
        Case(m: 61, n: 97, k: 257, transposingLHS: false, transposingRHS: false, threads: 2),
        Case(m: 25, n: 130, k: 33, transposingLHS: true, transposingRHS: true, threads: 2),
        Case(m: 150, n: 40, k: 70, transposingLHS: true, transposingRHS: false, threads: 1),
        Case(m: 300, n: 1, k: 64, transposingLHS: false, transposingRHS: true, threads: 2),
        Case(m: 64, n: 4, k: 300, transposingLHS: true, transposingRHS: false, threads: nil),
    ]

    @Test(arguments: cases)
    func matchesNaiveProduct(_ testCase: Case) {
        var generator = SplitMix64(seed: UInt64(testCase.m * 1000 + testCase.n))
        let lhsShape = testCase.transposingLHS ? [testCase.k, testCase.m] : [testCase.m, testCase.k]
        let rhsShape = testCase.transposingRHS ? [testCase.n, testCase.k] : [testCase.k, testCase.n]
        let lhs = Tensor.normal(lhsShape, using: &generator)
        let rhs = Tensor.normal(rhsShape, using: &generator)
        let product = Tensor.matmul(lhs, rhs, transposingLHS: testCase.transposingLHS, transposingRHS: testCase.transposingRHS, threadCount: testCase.threads)
        let a = testCase.transposingLHS ? lhs.transposed() : lhs
        let b = testCase.transposingRHS ? rhs.transposed() : rhs
        var expected = [Float](repeating: 0, count: testCase.m * testCase.n)
        for i in 0..<testCase.m {
            for j in 0..<testCase.n {
                var total: Double = 0
                for p in 0..<testCase.k { total += Double(a.scalars[i * testCase.k + p]) * Double(b.scalars[p * testCase.n + j]) }
                expected[i * testCase.n + j] = Float(total)
            }
        }
        #expect(product.shape == [testCase.m, testCase.n])
        #expect(isApproximatelyEqual(product.scalars, expected, tolerance: 1e-4))
        let single = Tensor.matmul(lhs, rhs, transposingLHS: testCase.transposingLHS, transposingRHS: testCase.transposingRHS, threadCount: 1)
        #expect(single == product, "results must not depend on the thread count")
    }
}
