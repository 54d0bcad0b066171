import CNeuralKernels
import NeuralCore
import Testing

/// The instruction-set kernels of `nc_sgemm` against each other: the AVX-512 (8×32 tile) and
/// AVX2 (6×16 tile) paths must agree bit for bit, and the portable one to rounding, on shapes
/// that cross every tile, KC and NC edge, with and without accumulation, and narrow products
/// computed as their transposes.
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
        // At most 8 columns: the AVX-512 path computes the transpose (its tile has 8 rows),
        // the AVX2 path (6 rows) computes 7 or 8 columns directly, so their equality shows
        // the transposed product has the same bits.
        Case(m: 300, n: 7, k: 70, transposingA: false, transposingB: true),
        Case(m: 64, n: 8, k: 300, transposingA: true, transposingB: false),
        Case(m: 45, n: 1, k: 33, transposingA: false, transposingB: false),
    ]

    /// `C = op(A)·op(B) + C₀` asked of an instruction set (0 portable, 1 AVX2, 2 AVX-512), and
    /// the instruction set whose kernel actually ran.
    private func product(_ testCase: Case, instructionSet: Int32) -> (c: [Float], ran: Int32) {
        var generator = SplitMix64(seed: UInt64(testCase.m * 7919 + testCase.n * 31 + testCase.k))
        let a = Tensor.normal([testCase.m * testCase.k], using: &generator).scalars
        let b = Tensor.normal([testCase.k * testCase.n], using: &generator).scalars
        var c = Tensor.normal([testCase.m * testCase.n], using: &generator).scalars
        let lda = testCase.transposingA ? testCase.m : testCase.k
        let ldb = testCase.transposingB ? testCase.k : testCase.n
        let ran = nc_sgemm_using(
            instructionSet, testCase.m, testCase.n, testCase.k, a, lda, testCase.transposingA ? 1 : 0,
            b, ldb, testCase.transposingB ? 1 : 0, &c, testCase.n, 1, 1)
        return (c, ran)
    }

    /// The AVX-512 and AVX2 kernels sum in the same order, so they agree bit for bit.
    @Test(.enabled(if: nc_has_avx512f() != 0, "this CPU has no AVX-512F, so there is no AVX-512 kernel to compare"), arguments: cases)
    func avx512EqualsAVX2(_ testCase: Case) {
        let avx512 = product(testCase, instructionSet: 2), avx2 = product(testCase, instructionSet: 1)
        #expect(avx512.ran == 2 && avx2.ran == 1, "kernels that ran: \(avx512.ran) and \(avx2.ran)")
        #expect(avx512.c == avx2.c, "the AVX-512 and AVX2 kernels must sum in the same order")
    }

    /// The AVX2 kernel agrees with the portable C one to rounding.
    @Test(.enabled(if: nc_has_avx2_fma() != 0, "this CPU has no AVX2+FMA, so there is no vector kernel to compare"), arguments: cases)
    func avx2AgreesWithPortable(_ testCase: Case) {
        let avx2 = product(testCase, instructionSet: 1), portable = product(testCase, instructionSet: 0)
        #expect(avx2.ran == 1 && portable.ran == 0, "kernels that ran: \(avx2.ran) and \(portable.ran)")
        #expect(isApproximatelyEqual(avx2.c, portable.c, tolerance: 1e-4))
    }

    /// The kernel `nc_sgemm` uses is the widest this CPU has, as `isUsingAVX512Kernel` and
    /// `isUsingAVX2Kernel` report.
    @Test func defaultKernelIsTheWidestAvailable() {
        let ran = product(Self.cases[1], instructionSet: 2).ran
        #expect(ran == (isUsingAVX512Kernel ? 2 : isUsingAVX2Kernel ? 1 : 0))
    }
}
