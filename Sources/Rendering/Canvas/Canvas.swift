/// Draws shapes and text into a `Frame`.
///
/// Coordinates are in pixels with (0, 0) the top-left corner and y growing downwards. Pixel
/// (i, j) is the unit square [i, i + 1] x [j, j + 1] with centre (i + 0.5, j + 0.5).
///
/// **Which pixels a shape covers.** A filled shape covers exactly the pixels whose centres lie
/// inside it. A centre that falls exactly on the boundary counts when it is on a right or
/// bottom edge and not when it is on a left or top edge, so shapes that share an edge never
/// both paint it, and a one-pixel-wide line along the integer row y = n covers row n
/// (its band is (n - 0.5, n + 0.5]). Consequences worth knowing:
/// - `fillRect(x:y:width:height:color:)` with integers covers columns `x ..< x + width` and
///   rows `y ..< y + height`.
/// - A polygon with vertices on integer coordinates covers the same pixels as the integer
///   rectangle with those corners; one with vertices at pixel centres behaves like pygame's
///   `gfxdraw.filled_polygon` minus its right and bottom rows.
/// - Circles are the exception to the half-open rule: a centre exactly on the circle counts.
///
/// Everything is clipped to the frame; drawing outside it is allowed and has no effect.
/// Colours with alpha below 255 are composited over what is already there
/// (see `RGBA.composited(over:)`).
///
/// **Anti-aliasing** is off by default, so each pixel is painted or not by the rule above.
/// Polygons, lines and circles take `antialiased: true` to blend edge pixels by the fraction
/// of their area the shape covers (estimated on 4 sub-rows per pixel, exact along each);
/// fully covered pixels still get the exact colour.
public struct Canvas: Sendable {
    /// The image being drawn on.
    public var frame: Frame

    /// Creates a canvas that draws on `frame`.
    public init(frame: Frame) {
        self.frame = frame
    }

    /// Creates a canvas on a new `width` x `height` frame filled with `background`.
    ///
    /// - Precondition: `width` and `height` are positive.
    public init(width: Int, height: Int, background: RGB = .white) {
        self.frame = Frame(width: width, height: height, color: background)
    }

    /// Width of the frame in pixels.
    public var width: Int { frame.width }

    /// Height of the frame in pixels.
    public var height: Int { frame.height }

    /// Paints every pixel of the frame with `color`.
    ///
    /// - Complexity: O(width x height).
    public mutating func fill(_ color: some CanvasColor) {
        for row in 0..<height {
            fillSpan(row: row, from: 0, through: width - 1, color: color.rgba)
        }
    }

    /// Paints the single pixel (`x`, `y`) with `color`; does nothing outside the frame.
    public mutating func setPixel(x: Int, y: Int, color: some CanvasColor) {
        fillSpan(row: y, from: x, through: x, color: color.rgba)
    }

    /// Paints pixels `first...last` of `row`, clipped to the frame. Every shape ends here.
    mutating func fillSpan(row: Int, from first: Int, through last: Int, color: RGBA) {
        guard row >= 0, row < frame.height, color.alpha > 0 else { return }
        let start = max(first, 0)
        let end = min(last, frame.width - 1)
        guard start <= end else { return }
        let width = frame.width
        frame.pixels.withUnsafeMutableBufferPointer { pixels in
            var offset = (row * width + start) * 3
            let stop = (row * width + end) * 3
            if color.alpha == 255 {
                let (red, green, blue) = (color.rgb.red, color.rgb.green, color.rgb.blue)
                while offset <= stop {
                    pixels[offset] = red
                    pixels[offset + 1] = green
                    pixels[offset + 2] = blue
                    offset += 3
                }
            } else {
                let alpha = UInt32(color.alpha)
                while offset <= stop {
                    pixels[offset] = RGBA.mix(color.rgb.red, pixels[offset], alpha)
                    pixels[offset + 1] = RGBA.mix(color.rgb.green, pixels[offset + 1], alpha)
                    pixels[offset + 2] = RGBA.mix(color.rgb.blue, pixels[offset + 2], alpha)
                    offset += 3
                }
            }
        }
    }

    /// Paints the pixels of `row` whose centres lie in the band (`left`, `right`].
    mutating func fillBand(row: Int, left: Double, right: Double, color: RGBA) {
        guard left < right else { return }
        let first = Canvas.firstPixel(after: max(left, -1))
        let last = Canvas.lastPixel(atOrBefore: min(right, Double(frame.width) + 1))
        fillSpan(row: row, from: first, through: last, color: color)
    }

    /// The first pixel index whose centre is strictly greater than `coordinate`.
    static func firstPixel(after coordinate: Double) -> Int {
        Int((coordinate - 0.5).rounded(.down)) + 1
    }

    /// The last pixel index whose centre is at most `coordinate`.
    static func lastPixel(atOrBefore coordinate: Double) -> Int {
        Int((coordinate - 0.5).rounded(.down))
    }
}
