import CNeuralKernels
import NeuralCore
import Testing

/// The instruction-set kernels of `nc_sgemm` against each other: the AVX-512 (8×32 tile) and
/// AVX2 (6×16 tile) paths must agree bit for bit, and the portable one to rounding, on shapes
/// that cross every tile, KC and NC edge, with and without accumulation.
struct GEMMKernelTests {
    struct Case: Sendable, CustomStringConvertible {
        let m: Int, n: Int, k: Int
        let transposingA: Bool, transposingB: Bool
        var description: String { "\(m)x\(n)x\(k) tA=\(transposingA) tB=\(transposingB)" }
    }

    static let cases: [Case] = [
        Case(m: 8, n: 32, k: 1, transposingA: false, transposingB: false),
        Case(m: 25, n: 65, k: 257, transposingA: false, transposingB: false),
        Case(m: 97, n: 31, k: 513, transposingA: true, transposingB: false),
        Case(m: 13, n: 1057, k: 40, transposingA: false, transposingB: true),
        Case(m: 64, n: 1024, k: 300, transposingA: true, transposingB: true),
        Case(m: 130, n: 96, k: 64, transposingA: false, transposingB: false),
        Case(m: 16, n: 27, k: 196, transposingA: false, transposingB: true),
        Case(m: 32, n: 144, k: 150, transposingA: false, transposingB: true),
    ]

    /// `C = op(A)·op(B) + C₀` on the given instruction set (0 portable, 1 AVX2, 2 AVX-512).
    private func product(_ testCase: Case, a: [Float], b: [Float], c: [Float], instructionSet: Int32) -> [Float] {
        var c = c
        let lda = testCase.transposingA ? testCase.m : testCase.k
        let ldb = testCase.transposingB ? testCase.k : testCase.n
        nc_sgemm_using(
            instructionSet, testCase.m, testCase.n, testCase.k, a, lda, testCase.transposingA ? 1 : 0,
            b, ldb, testCase.transposingB ? 1 : 0, &c, testCase.n, 1, 1)
        return c
    }

    @Test(arguments: cases)
    func instructionSetsAgree(_ testCase: Case) {
        var generator = SplitMix64(seed: UInt64(testCase.m * 7919 + testCase.n * 31 + testCase.k))
        let a = Tensor.normal([testCase.m * testCase.k], using: &generator).scalars
        let b = Tensor.normal([testCase.k * testCase.n], using: &generator).scalars
        let c = Tensor.normal([testCase.m * testCase.n], using: &generator).scalars
        let portable = product(testCase, a: a, b: b, c: c, instructionSet: 0)
        let avx2 = product(testCase, a: a, b: b, c: c, instructionSet: 1)
        let avx512 = product(testCase, a: a, b: b, c: c, instructionSet: 2)
        #expect(avx512 == avx2, "the AVX-512 and AVX2 kernels must sum in the same order")
        #expect(isApproximatelyEqual(avx2, portable, tolerance: 1e-4))
    }
}
