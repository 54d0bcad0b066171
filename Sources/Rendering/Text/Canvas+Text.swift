extension Canvas {
    /// Draws `text` in the built-in `BitmapFont`, each font pixel a `scale` x `scale` block.
    ///
    /// `origin` is the top-left corner of the first glyph, rounded down to whole pixels;
    /// `"\n"` starts a new line below. The text is clipped to the frame. Use
    /// `BitmapFont.size(of:scale:)` to place text, for example right-aligned.
    ///
    /// - Precondition: `scale` is positive.
    public mutating func drawText(_ text: String, at origin: Point, color: some CanvasColor, scale: Int = 1) {
        precondition(scale > 0, "expected a positive text scale, got \(scale)")
        guard origin.x.isFinite, origin.y.isFinite, abs(origin.x) < 1e9, abs(origin.y) < 1e9 else { return }
        let rgba = color.rgba
        let left = Int(origin.x.rounded(.down))
        var x = left
        var y = Int(origin.y.rounded(.down))
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                x = left
                y += BitmapFont.lineHeight * scale
                continue
            }
            drawGlyph(BitmapFont.glyph(for: scalar), x: x, y: y, scale: scale, color: rgba)
            x += BitmapFont.advance * scale
        }
    }

    /// Paints one glyph with its top-left font pixel at (`x`, `y`), merging runs of ink in a
    /// row into one span so each pixel is painted once.
    private mutating func drawGlyph(_ glyph: UInt64, x: Int, y: Int, scale: Int, color: RGBA) {
        guard glyph != 0, x < width, y < height,
              x + BitmapFont.glyphWidth * scale > 0, y + BitmapFont.glyphHeight * scale > 0 else { return }
        for row in 0..<BitmapFont.glyphHeight {
            var column = 0
            while column < BitmapFont.glyphWidth {
                guard BitmapFont.isInk(glyph, column: column, row: row) else {
                    column += 1
                    continue
                }
                var end = column + 1
                while end < BitmapFont.glyphWidth, BitmapFont.isInk(glyph, column: end, row: row) {
                    end += 1
                }
                fillRect(x: x + column * scale, y: y + row * scale,
                         width: (end - column) * scale, height: scale, color: color)
                column = end
            }
        }
    }
}
