/// PNG's per-row filters (PNG specification, section 9): the writer's choice among None, Sub
/// and Up, and the reader's inverse of all five.
enum PNGFilter {
    /// The rows of `frame`, each prefixed by its filter type byte, ready for compression.
    static func filtered(_ frame: Frame) -> [UInt8] {
        let stride = frame.width * 3
        var output = [UInt8](repeating: 0, count: frame.height * (stride + 1))
        frame.pixels.withUnsafeBufferPointer { pixels in
            output.withUnsafeMutableBufferPointer { out in
                for row in 0..<frame.height {
                    let line = row * stride
                    let target = row * (stride + 1)
                    var costs = (none: 0, sub: 0, up: 0)
                    for index in 0..<stride {
                        let value = pixels[line + index]
                        let left = index >= 3 ? pixels[line + index - 3] : 0
                        let above = row > 0 ? pixels[line + index - stride] : 0
                        costs.none += cost(value)
                        costs.sub += cost(value &- left)
                        costs.up += cost(value &- above)
                    }
                    let type: UInt8 = costs.none <= min(costs.sub, costs.up) ? 0 : (costs.sub <= costs.up ? 1 : 2)
                    out[target] = type
                    for index in 0..<stride {
                        let value = pixels[line + index]
                        switch type {
                        case 1: out[target + 1 + index] = value &- (index >= 3 ? pixels[line + index - 3] : 0)
                        case 2: out[target + 1 + index] = value &- (row > 0 ? pixels[line + index - stride] : 0)
                        default: out[target + 1 + index] = value
                        }
                    }
                }
            }
        }
        return output
    }

    /// A filtered byte's distance from zero, read as a signed value.
    private static func cost(_ byte: UInt8) -> Int {
        abs(Int(Int8(bitPattern: byte)))
    }

    /// Undoes the filters of `data` (rows of `stride` bytes, each after its filter type byte):
    /// the raw rows without type bytes, or nil when a row names an unknown filter type.
    /// `bytesPerPixel` is the distance to the left neighbour of a byte.
    static func unfiltered(_ data: [UInt8], rows: Int, stride: Int, bytesPerPixel: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: rows * stride)
        let isValid = data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for row in 0..<rows {
                    let source = row * (stride + 1) + 1
                    let line = row * stride
                    let type = input[source - 1]
                    guard type <= 4 else { return false }
                    for index in 0..<stride {
                        let left = index >= bytesPerPixel ? Int(out[line + index - bytesPerPixel]) : 0
                        let above = row > 0 ? Int(out[line + index - stride]) : 0
                        let corner = row > 0 && index >= bytesPerPixel ? Int(out[line + index - stride - bytesPerPixel]) : 0
                        let predictor: Int
                        switch type {
                        case 1: predictor = left
                        case 2: predictor = above
                        case 3: predictor = (left + above) / 2
                        case 4: predictor = paeth(left, above, corner)
                        default: predictor = 0
                        }
                        out[line + index] = input[source + index] &+ UInt8(truncatingIfNeeded: predictor)
                    }
                }
                return true
            }
        }
        return isValid ? output : nil
    }

    /// The Paeth predictor: whichever of left, above and upper-left is closest to
    /// left + above - upper-left, ties going in that order.
    private static func paeth(_ left: Int, _ above: Int, _ corner: Int) -> Int {
        let estimate = left + above - corner
        let (toLeft, toAbove, toCorner) = (abs(estimate - left), abs(estimate - above), abs(estimate - corner))
        if toLeft <= toAbove && toLeft <= toCorner { return left }
        return toAbove <= toCorner ? above : corner
    }
}
