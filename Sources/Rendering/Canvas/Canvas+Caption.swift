extension Canvas {
    /// Writes `text` in white on a translucent dark band along the top-left, for overlays such
    /// as "episode 2/3  step 41  return 41" on recordings and in the viewer.
    public mutating func drawCaption(_ text: String, scale: Int = 1) {
        let size = BitmapFont.size(of: text, scale: scale)
        fillRect(x: 0, y: 0, width: min(width, size.width + 6 * scale), height: size.height + 4 * scale, color: RGBA(0, 0, 0, 160))
        drawText(text, at: Point(3 * scale, 2 * scale), color: RGB.white, scale: scale)
    }
}

extension Frame {
    /// This frame with `text` written on it as a caption (see `Canvas.drawCaption`).
    public func captioned(_ text: String) -> Frame {
        var canvas = Canvas(frame: self)
        canvas.drawCaption(text)
        return canvas.frame
    }
}
