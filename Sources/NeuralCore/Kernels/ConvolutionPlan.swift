import Dispatch
import Foundation

/// How a batched convolution is split: into chunks of ``imagesPerChunk`` images, each unfolded
/// and multiplied one image at a time with its own column buffer, run on every core when the
/// batch is large enough.
///
/// The chunking never depends on the number of threads: each chunk sums its own weight
/// gradient and the chunks' sums are added in chunk order, so results are bit-identical
/// whether chunks run in parallel or one after another.
struct ConvolutionPlan: Sendable {
    /// Images per chunk.
    static let imagesPerChunk = 8
    /// Multiply-adds from which the chunks run in parallel (as for a plain product).
    static let parallelThreshold = 1 << 23

    let geometry: ConvolutionGeometry
    let batch: Int
    let outChannels: Int

    var patch: Int { geometry.patchSize }
    var positions: Int { geometry.positions }
    var imageSize: Int { geometry.channels * geometry.height * geometry.width }
    var outputSize: Int { outChannels * positions }
    var chunks: Int { (batch + Self.imagesPerChunk - 1) / Self.imagesPerChunk }

    /// The images of one chunk.
    func images(in chunk: Int) -> Range<Int> {
        chunk * Self.imagesPerChunk..<Swift.min(batch, (chunk + 1) * Self.imagesPerChunk)
    }

    /// Calls `body` once per chunk, spread over the cores for large batches.
    func forEachChunk(_ body: @Sendable (Int) -> Void) {
        let work = batch * outChannels * positions * patch
        if chunks > 1 && work >= Self.parallelThreshold && availableProcessorCount > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
        } else {
            for chunk in 0..<chunks { body(chunk) }
        }
    }

    /// `Yₙ = W·im2col(Xₙ) + b` for every image; `columns` holds one column matrix per chunk.
    func forward(image: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 columns: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let (image, kernel, bias) = (Shared(image), Shared(kernel), bias.map(Shared.init))
        let (columns, output) = (Shared(columns), Shared(output))
        forEachChunk { chunk in
            let cols = columns.address + chunk * patch * positions
            for n in images(in: chunk) {
                let target = output.address + n * outputSize
                geometry.im2col(image.address + n * imageSize, into: cols, rowStride: positions)
                gemm(m: outChannels, n: positions, k: patch, a: kernel.address, b: cols, c: target, accumulate: false)
                guard let bias else { continue }
                for channel in 0..<outChannels {
                    let row = target + channel * positions
                    let shift = bias.address[channel]
                    for position in 0..<positions { row[position] += shift }
                }
            }
        }
    }

    /// Per chunk, `∂W_chunk = Σₙ ∂Yₙ·im2col(Xₙ)ᵀ` into `weightPartials` (one weight-sized block per
    /// chunk) and, when `inputGradient` is given, `∂Xₙ = col2im(Wᵀ·∂Yₙ)` added into it, with
    /// `columnGradients` holding one column matrix per chunk.
    func backward(image: UnsafePointer<Float>, kernel: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                  columns: UnsafeMutablePointer<Float>, columnGradients: UnsafeMutablePointer<Float>,
                  weightPartials: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?) {
        let (image, kernel, outputGradient) = (Shared(image), Shared(kernel), Shared(outputGradient))
        let (columns, columnGradients) = (Shared(columns), Shared(columnGradients))
        let (weightPartials, inputGradient) = (Shared(weightPartials), inputGradient.map(Shared.init))
        let weightCount = outChannels * patch
        forEachChunk { chunk in
            let cols = columns.address + chunk * patch * positions
            let dcols = columnGradients.address + chunk * patch * positions
            let dw = weightPartials.address + chunk * weightCount
            let range = images(in: chunk)
            for n in range {
                let g = outputGradient.address + n * outputSize
                geometry.im2col(image.address + n * imageSize, into: cols, rowStride: positions)
                gemm(m: outChannels, n: patch, k: positions, a: g, b: cols, transposingB: true, c: dw, accumulate: n > range.lowerBound)
                guard let inputGradient else { continue }
                gemm(m: patch, n: positions, k: outChannels, a: kernel.address, transposingA: true, b: g, c: dcols, accumulate: false)
                geometry.col2im(dcols, rowStride: positions, addingInto: inputGradient.address + n * imageSize)
            }
        }
    }
}

/// A buffer shared between the chunks of one convolution: inputs are only read, outputs are
/// written on disjoint regions (one block per chunk or per image).
private struct Shared: @unchecked Sendable {
    let address: UnsafeMutablePointer<Float>
    init(_ address: UnsafeMutablePointer<Float>) { self.address = address }
    init(_ address: UnsafePointer<Float>) { self.address = UnsafeMutablePointer(mutating: address) }
}
