/// An RGB image: `width` x `height` pixels, three bytes each, rows top to bottom.
///
/// Environments draw their `rgb` render into a Frame; writers turn Frames into PNG and GIF
/// files, and the SDL viewer shows them in a window.
public struct Frame: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// The pixels, row-major, 3 bytes (red, green, blue) per pixel.
    public var pixels: [UInt8]

    /// Creates a frame filled with `color`.
    ///
    /// - Precondition: `width` and `height` are positive.
    public init(width: Int, height: Int, color: RGB = .black) {
        precondition(width > 0 && height > 0, "expected a positive frame size, got \(width) x \(height)")
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for offset in stride(from: 0, to: pixels.count, by: 3) {
            pixels[offset] = color.red
            pixels[offset + 1] = color.green
            pixels[offset + 2] = color.blue
        }
        self.pixels = pixels
    }

    /// Creates a frame from `pixels`: row-major, 3 bytes (red, green, blue) per pixel.
    ///
    /// - Precondition: `width` and `height` are positive and `pixels` holds
    ///   `width * height * 3` bytes.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "expected a positive frame size, got \(width) x \(height)")
        precondition(pixels.count == width * height * 3,
                     "expected \(width * height * 3) bytes for \(width) x \(height) RGB pixels, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The colour of pixel (`x`, `y`), with (0, 0) the top-left corner.
    ///
    /// - Precondition: (`x`, `y`) is inside the frame.
    public subscript(x: Int, y: Int) -> RGB {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height,
                         "expected a pixel inside \(width) x \(height), got (\(x), \(y))")
            let offset = (y * width + x) * 3
            return RGB(pixels[offset], pixels[offset + 1], pixels[offset + 2])
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height,
                         "expected a pixel inside \(width) x \(height), got (\(x), \(y))")
            let offset = (y * width + x) * 3
            pixels[offset] = newValue.red
            pixels[offset + 1] = newValue.green
            pixels[offset + 2] = newValue.blue
        }
    }
}
