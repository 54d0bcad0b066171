import CNeuralKernels

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

    /// This geometry for the C kernels.
    private var kernelGeometry: nc_convolution_geometry {
        nc_convolution_geometry(
            channels: channels, height: height, width: width, kernel_height: kernelHeight, kernel_width: kernelWidth,
            stride: stride, padding: padding)
    }

    /// Writes the `[patchSize, positions]` column matrix of one image, rows `rowStride` apart
    /// (so a batch can share one wide matrix); padding positions are zero.
    func im2col(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, rowStride: Int) {
        var geometry = kernelGeometry
        nc_im2col(&geometry, image, columns, rowStride)
    }

    /// Adds a column matrix back into the image it came from (the adjoint of ``im2col(_:into:rowStride:)``).
    func col2im(_ columns: UnsafePointer<Float>, rowStride: Int, addingInto image: UnsafeMutablePointer<Float>) {
        var geometry = kernelGeometry
        nc_col2im(&geometry, columns, rowStride, image)
    }
}
