import Dispatch
import Foundation

/// How a batched convolution is split: into chunks of ``imagesPerChunk`` images, run on every
/// core when the batch is large enough; within a chunk, groups of images are unfolded side by
/// side into one column matrix of about ``targetColumns`` columns and multiplied at once (all
/// eight images of small boards, one image of large frames, whose columns alone fill the cache).
///
/// The chunking never depends on the number of threads: each chunk sums its own weight
/// gradient and the chunks' sums are added in chunk order, so results are bit-identical
/// whether chunks run in parallel or one after another.
struct ConvolutionPlan: Sendable {
    /// Images per chunk.
    static let imagesPerChunk = 8
    /// Columns a group's matrix aims for: wide enough to fill the product's register tiles.
    static let targetColumns = 256
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
    /// Images unfolded into one column matrix.
    var imagesPerGroup: Int { Swift.max(1, Swift.min(Self.imagesPerChunk, (Self.targetColumns + positions - 1) / positions)) }
    /// Columns of one group's matrix, at most.
    var groupColumns: Int { imagesPerGroup * positions }
    /// Groups per full chunk.
    var groupsPerChunk: Int { (Self.imagesPerChunk + imagesPerGroup - 1) / imagesPerGroup }
    /// Elements of every group's column matrix, which the forward pass keeps for the backward pass.
    var savedColumnCount: Int { chunks * groupsPerChunk * patch * groupColumns }
    /// Scratch elements for the column matrices' gradients: one group per chunk.
    var columnScratchCount: Int { chunks * patch * groupColumns }
    /// Scratch elements for the products in `[outChannels, group columns]` layout, one per chunk.
    var productScratchCount: Int { chunks * outChannels * groupColumns }

    /// The images of one chunk.
    func images(in chunk: Int) -> Range<Int> {
        chunk * Self.imagesPerChunk..<Swift.min(batch, (chunk + 1) * Self.imagesPerChunk)
    }

    /// The first image of each group of a chunk, in order.
    func groups(in chunk: Int) -> StrideTo<Int> {
        let range = images(in: chunk)
        return stride(from: range.lowerBound, to: range.upperBound, by: imagesPerGroup)
    }

    /// Where the column matrix of the group starting at image `first` is kept.
    func columnOffset(ofGroupStartingAt first: Int) -> Int {
        (first / Self.imagesPerChunk * groupsPerChunk + first % Self.imagesPerChunk / imagesPerGroup) * patch * groupColumns
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

    /// `Yₙ = W·im2col(Xₙ) + b` for every image: each group's columns side by side (kept in
    /// `columns`, ``savedColumnCount`` elements, for the backward pass), one product, then each
    /// image's block moved into its place in `[N, O, positions]`.
    func forward(image: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 columns: UnsafeMutablePointer<Float>, products: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let (image, kernel, bias) = (Shared(image), Shared(kernel), bias.map(Shared.init))
        let (columns, products, output) = (Shared(columns), Shared(products), Shared(output))
        forEachChunk { chunk in
            let product = products.address + chunk * outChannels * groupColumns
            for first in groups(in: chunk) {
                let cols = columns.address + columnOffset(ofGroupStartingAt: first)
                let count = Swift.min(imagesPerGroup, images(in: chunk).upperBound - first)
                let width = count * positions
                for local in 0..<count {
                    geometry.im2col(image.address + (first + local) * imageSize, into: cols + local * positions, rowStride: width)
                }
                gemm(m: outChannels, n: width, k: patch, a: kernel.address, b: cols, c: product, accumulate: false)
                for local in 0..<count {
                    let target = output.address + (first + local) * outputSize
                    for channel in 0..<outChannels {
                        let row = target + channel * positions
                        row.update(from: product + channel * width + local * positions, count: positions)
                        guard let bias else { continue }
                        let shift = bias.address[channel]
                        for position in 0..<positions { row[position] += shift }
                    }
                }
            }
        }
    }

    /// Per chunk, `∂W_chunk = Σ_groups ∂Y_g·im2col(X_g)ᵀ` into `weightPartials` (one weight-sized
    /// block per chunk) and, when `inputGradient` is given, `∂X = col2im(Wᵀ·∂Y_g)` added into it;
    /// `columns` are the forward pass's, and `products` holds each group's output gradient in
    /// `[O, group columns]` layout.
    func backward(kernel: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                  columns: UnsafePointer<Float>, columnGradients: UnsafeMutablePointer<Float>, products: UnsafeMutablePointer<Float>,
                  weightPartials: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?) {
        let (kernel, outputGradient) = (Shared(kernel), Shared(outputGradient))
        let (columns, columnGradients, products) = (Shared(columns), Shared(columnGradients), Shared(products))
        let (weightPartials, inputGradient) = (Shared(weightPartials), inputGradient.map(Shared.init))
        let weightCount = outChannels * patch
        forEachChunk { chunk in
            let dcols = columnGradients.address + chunk * patch * groupColumns
            let gradient = products.address + chunk * outChannels * groupColumns
            let dw = weightPartials.address + chunk * weightCount
            for first in groups(in: chunk) {
                let cols = columns.address + columnOffset(ofGroupStartingAt: first)
                let count = Swift.min(imagesPerGroup, images(in: chunk).upperBound - first)
                let width = count * positions
                for local in 0..<count {
                    let source = outputGradient.address + (first + local) * outputSize
                    for channel in 0..<outChannels {
                        (gradient + channel * width + local * positions).update(from: source + channel * positions, count: positions)
                    }
                }
                gemm(m: outChannels, n: patch, k: width, a: gradient, b: cols, transposingB: true, c: dw, accumulate: first > images(in: chunk).lowerBound)
                guard let inputGradient else { continue }
                gemm(m: patch, n: width, k: outChannels, a: kernel.address, transposingA: true, b: gradient, c: dcols, accumulate: false)
                for local in 0..<count {
                    geometry.col2im(dcols + local * positions, rowStride: width, addingInto: inputGradient.address + (first + local) * imageSize)
                }
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
