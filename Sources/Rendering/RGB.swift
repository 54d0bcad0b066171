/// A colour with 8 bits per channel.
public struct RGB: Sendable, Hashable {
    /// Red intensity.
    public var red: UInt8
    /// Green intensity.
    public var green: UInt8
    /// Blue intensity.
    public var blue: UInt8

    /// Creates the colour (`red`, `green`, `blue`).
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Pure black.
    public static let black = RGB(0, 0, 0)
    /// Pure white.
    public static let white = RGB(255, 255, 255)
}

extension RGB {
    /// This colour with opacity `alpha` (0 to 1, rounded to the nearest 1/255).
    ///
    /// - Precondition: `alpha` is in 0...1.
    public func withAlpha(_ alpha: Double) -> RGBA {
        precondition((0...1).contains(alpha), "expected an alpha in 0...1, got \(alpha)")
        return RGBA(self, alpha: UInt8((alpha * 255).rounded()))
    }
}
