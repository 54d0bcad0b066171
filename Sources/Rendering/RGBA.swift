/// A colour with an opacity: `alpha` 255 is opaque, 0 leaves what is underneath unchanged.
///
/// Canvas operations blend an `RGBA` over the frame (source-over compositing), which is how
/// overlays such as a shaded partial-view window are drawn on top of a scene.
public struct RGBA: Sendable, Hashable {
    /// The colour itself.
    public var rgb: RGB
    /// Opacity, 0 (invisible) to 255 (opaque).
    public var alpha: UInt8

    /// Creates the colour (`red`, `green`, `blue`) with opacity `alpha`.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8, _ alpha: UInt8) {
        self.rgb = RGB(red, green, blue)
        self.alpha = alpha
    }

    /// Creates `rgb` with opacity `alpha`.
    public init(_ rgb: RGB, alpha: UInt8) {
        self.rgb = rgb
        self.alpha = alpha
    }

    /// The result of painting this colour over `background`.
    ///
    /// Each channel becomes `(source * alpha + background * (255 - alpha)) / 255`, rounded to
    /// the nearest integer, so alpha 255 gives the source exactly and alpha 0 the background.
    public func composited(over background: RGB) -> RGB {
        let a = UInt32(alpha)
        return RGB(
            RGBA.mix(rgb.red, background.red, a),
            RGBA.mix(rgb.green, background.green, a),
            RGBA.mix(rgb.blue, background.blue, a)
        )
    }

    static func mix(_ source: UInt8, _ background: UInt8, _ alpha: UInt32) -> UInt8 {
        let sum = UInt32(source) * alpha + UInt32(background) * (255 - alpha)
        return UInt8((sum + 127) / 255)
    }
}
