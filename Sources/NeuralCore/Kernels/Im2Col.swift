/// The geometry of a 2-D convolution or pooling window over one `[C, H, W]` image.
struct ConvolutionGeometry {
    let channels: Int
    let height: Int
    let width: Int
    let kernelHeight: Int
    let kernelWidth: Int
    let stride: Int
    let padding: Int

    var outputHeight: Int { (height + 2 * padding - kernelHeight) / stride + 1 }
    var outputWidth: Int { (width + 2 * padding - kernelWidth) / stride + 1 }
    /// Rows of the column matrix: one per (channel, kernel row, kernel column).
    var patchSize: Int { channels * kernelHeight * kernelWidth }
    /// Columns of the column matrix: one per output position.
    var positions: Int { outputHeight * outputWidth }

    /// Calls `body(row, column, sourceIndex)` for every in-bounds (patch element, output position)
    /// pair; `sourceIndex` indexes the `[C, H, W]` image. Padding positions are skipped.
    @inline(__always)
    func forEachTap(_ body: (Int, Int, Int) -> Void) {
        for channel in 0..<channels {
            for ky in 0..<kernelHeight {
                for kx in 0..<kernelWidth {
                    let row = (channel * kernelHeight + ky) * kernelWidth + kx
                    for oy in 0..<outputHeight {
                        let y = oy * stride - padding + ky
                        if y < 0 || y >= height { continue }
                        for ox in 0..<outputWidth {
                            let x = ox * stride - padding + kx
                            if x < 0 || x >= width { continue }
                            body(row, oy * outputWidth + ox, (channel * height + y) * width + x)
                        }
                    }
                }
            }
        }
    }

    /// Unfolds one image into a `[patchSize, positions]` matrix (zeros where padded).
    func im2col(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>) {
        columns.update(repeating: 0, count: patchSize * positions)
        let count = positions
        forEachTap { row, column, source in columns[row * count + column] = image[source] }
    }

    /// Folds a column matrix back onto an image, adding overlapping contributions (the adjoint of `im2col`).
    func col2im(_ columns: UnsafePointer<Float>, addingInto image: UnsafeMutablePointer<Float>) {
        let count = positions
        forEachTap { row, column, source in image[source] += columns[row * count + column] }
    }
}
