import CNeuralKernels
import Dispatch
import Foundation

/// Single-precision matrix multiply on raw row-major buffers: `C = op(A)·op(B)` or `C += op(A)·op(B)`.
///
/// Every matrix product in the module goes through here. The arithmetic is done by the C
/// kernel `nc_sgemm` (blocked, packed, with an AVX-512F or AVX2+FMA micro-kernel chosen at run
/// time by CPU feature, portable C elsewhere). Products of at least ``parallelThreshold`` multiply-adds are split over threads
/// by rows (or columns when there are few rows); each element of `C` is summed in the same
/// order whatever the split, so results are bit-identical for any thread count.
/// - Parameters:
///   - transposingA: `A` is stored `k × m` and read transposed.
///   - transposingB: `B` is stored `n × k` and read transposed.
///   - threadCount: threads to use; `nil` picks ``availableProcessorCount`` for large products.
/// - Complexity: O(m·n·k).
func gemm(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, transposingA: Bool = false,
    b: UnsafePointer<Float>, transposingB: Bool = false,
    c: UnsafeMutablePointer<Float>, accumulate: Bool, threadCount: Int? = nil
) {
    let lda = transposingA ? m : k
    let ldb = transposingB ? k : n
    let work = m * n * k
    let threads = min(threadCount ?? (work >= parallelThreshold ? availableProcessorCount : 1), 64)
    let operands = GEMMOperands(a: a, b: b, c: c)
    guard threads > 1, m * n >= 256 else {
        nc_sgemm(m, n, k, a, lda, transposingA ? 1 : 0, b, ldb, transposingB ? 1 : 0, c, n, accumulate ? 1 : 0, -1)
        return
    }
    let blocked = nc_sgemm_prefers_blocked(m, n, k)
    let splitRows = m >= n
    let extent = splitRows ? m : n
    let granule = splitRows ? nc_sgemm_tile_rows() : nc_sgemm_tile_columns()
    let chunk = ((extent + threads - 1) / threads + granule - 1) / granule * granule
    let chunks = (extent + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
        let start = index * chunk
        let size = min(chunk, extent - start)
        if splitRows {
            let aStart = transposingA ? operands.a + start : operands.a + start * lda
            nc_sgemm(size, n, k, aStart, lda, transposingA ? 1 : 0, operands.b, ldb, transposingB ? 1 : 0, operands.c + start * n, n, accumulate ? 1 : 0, blocked)
        } else {
            let bStart = transposingB ? operands.b + start * ldb : operands.b + start
            nc_sgemm(m, size, k, operands.a, lda, transposingA ? 1 : 0, bStart, ldb, transposingB ? 1 : 0, operands.c + start, n, accumulate ? 1 : 0, blocked)
        }
    }
}

/// The multiply-add count from which ``gemm(m:n:k:a:transposingA:b:transposingB:c:accumulate:threadCount:)``
/// spreads work over threads (about 200³; below it, waking threads costs more than it saves).
let parallelThreshold = 1 << 23

/// The raw operands of one product, shared read-only (A, B) or on disjoint regions (C) between threads.
private struct GEMMOperands: @unchecked Sendable {
    let a: UnsafePointer<Float>
    let b: UnsafePointer<Float>
    let c: UnsafeMutablePointer<Float>
}

/// The processors NeuralCore splits work across: those the process may run on (its CPU
/// affinity on Linux, so `taskset -c 0` means one thread), read once.
public let availableProcessorCount = nc_available_processors()

/// Whether the fast AVX2+FMA kernel is in use on this CPU (also true when the AVX-512 one is).
public var isUsingAVX2Kernel: Bool { nc_has_avx2_fma() != 0 }

/// Whether the AVX-512F kernel (8×32 register tile) is in use on this CPU.
public var isUsingAVX512Kernel: Bool { nc_has_avx512f() != 0 }
