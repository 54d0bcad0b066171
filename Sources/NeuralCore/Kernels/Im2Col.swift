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

    /// The output columns `ox` whose input column `ox·stride - padding + kx` lies inside the image.
    @inline(__always)
    func validColumns(kernelColumn kx: Int) -> Range<Int> {
        let offset = padding - kx
        let first = offset > 0 ? (offset + stride - 1) / stride : 0
        let last = (width - 1 + offset) >= 0 ? (width - 1 + offset) / stride + 1 : 0
        return first..<Swift.max(first, Swift.min(last, outputWidth))
    }

    /// Unfolds one image into a `[patchSize, positions]` block of a column matrix whose rows are
    /// `rowStride` apart (zeros where padded), so several images can share one matrix side by side.
    func im2col(_ image: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, rowStride: Int) {
        for channel in 0..<channels {
            for ky in 0..<kernelHeight {
                for kx in 0..<kernelWidth {
                    let row = columns + ((channel * kernelHeight + ky) * kernelWidth + kx) * rowStride
                    let valid = validColumns(kernelColumn: kx)
                    for oy in 0..<outputHeight {
                        let target = row + oy * outputWidth
                        let y = oy * stride - padding + ky
                        guard y >= 0 && y < height, !valid.isEmpty else {
                            target.update(repeating: 0, count: outputWidth)
                            continue
                        }
                        target.update(repeating: 0, count: valid.lowerBound)
                        let source = image + (channel * height + y) * width - padding + kx
                        if stride == 1 {
                            (target + valid.lowerBound).update(from: source + valid.lowerBound, count: valid.count)
                        } else {
                            for ox in valid { target[ox] = source[ox * stride] }
                        }
                        (target + valid.upperBound).update(repeating: 0, count: outputWidth - valid.upperBound)
                    }
                }
            }
        }
    }

    /// Folds a column block back onto an image, adding overlapping contributions (the adjoint of `im2col`).
    func col2im(_ columns: UnsafePointer<Float>, rowStride: Int, addingInto image: UnsafeMutablePointer<Float>) {
        for channel in 0..<channels {
            for ky in 0..<kernelHeight {
                for kx in 0..<kernelWidth {
                    let row = columns + ((channel * kernelHeight + ky) * kernelWidth + kx) * rowStride
                    let valid = validColumns(kernelColumn: kx)
                    for oy in 0..<outputHeight {
                        let y = oy * stride - padding + ky
                        guard y >= 0 && y < height else { continue }
                        let source = row + oy * outputWidth
                        let target = image + (channel * height + y) * width - padding + kx
                        if stride == 1 {
                            for ox in valid { target[ox] += source[ox] }
                        } else {
                            for ox in valid { target[ox * stride] += source[ox] }
                        }
                    }
                }
            }
        }
    }
}
