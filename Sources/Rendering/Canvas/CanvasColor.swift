/// A colour a `Canvas` can paint with: an opaque `RGB` or a translucent `RGBA`.
public protocol CanvasColor: Sendable {
    /// The colour with its opacity.
    var rgba: RGBA { get }
}

extension RGB: CanvasColor {
    /// This colour, fully opaque.
    public var rgba: RGBA { RGBA(self, alpha: 255) }
}

extension RGBA: CanvasColor {
    /// This colour itself.
    public var rgba: RGBA { self }
}

extension CanvasColor where Self == RGB {
    /// Pure black, so that `color: .black` reads naturally at a drawing call.
    public static var black: RGB { RGB.black }
    /// Pure white, so that `color: .white` reads naturally at a drawing call.
    public static var white: RGB { RGB.white }
}
