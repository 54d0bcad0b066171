import Rendering
import Testing

@Suite("BitmapFont")
struct BitmapFontTests {
    @Test("every printable ASCII character but space has ink, and glyphs are distinct")
    func glyphsCoverASCII() {
        let glyphs = (33...126).map { BitmapFont.glyph(for: Unicode.Scalar(UInt8($0))) }
        #expect(!glyphs.contains(0))
        #expect(Set(glyphs).count == glyphs.count)
        #expect(BitmapFont.glyph(for: " ") == 0)
        #expect(BitmapFont.glyph(for: "é") == BitmapFont.glyph(for: "?"))
    }

    @Test("the digit 1 is drawn as its 5 x 7 picture")
    func digitOne() {
        var canvas = Canvas(width: 8, height: 9)
        canvas.drawText("1", at: Point(1, 1), color: RGB.black)
        let picture = [
            "..#..",
            ".##..",
            "..#..",
            "..#..",
            "..#..",
            "..#..",
            ".###.",
        ]
        var expected: Set<Pixel> = []
        for (row, line) in picture.enumerated() {
            for (column, mark) in line.enumerated() where mark == "#" { expected.insert(Pixel(column + 1, row + 1)) }
        }
        #expect(paintedPixels(canvas.frame) == expected)
    }

    @Test("scale turns each font pixel into a block and text stays inside its measured box")
    func scaleAndSize() {
        let text = "episode 3  step 120\nreturn 120.0"
        let size = BitmapFont.size(of: text, scale: 2)
        #expect(size.width == (19 * 6 - 1) * 2)
        #expect(size.height == (9 + 7) * 2)
        var canvas = Canvas(width: 300, height: 60)
        canvas.drawText(text, at: Point(10, 5), color: RGB(0, 0, 255), scale: 2)
        let pixels = paintedPixels(canvas.frame)
        #expect(pixels.allSatisfy { (10..<(10 + size.width)).contains($0.x) && (5..<(5 + size.height)).contains($0.y) })
        #expect(pixels.contains { $0.x == 10 + size.width - 1 } || pixels.contains { $0.y == 5 + size.height - 1 })
        var single = Canvas(width: 20, height: 20)
        single.drawText(".", at: Point(0, 0), color: RGB.black, scale: 3)
        #expect(paintedPixels(single.frame) == block(3..<9, 15..<21).intersection(block(0..<20, 0..<20)))
    }

    @Test("text is clipped at the frame's edges")
    func clipping() {
        var canvas = Canvas(width: 10, height: 5)
        canvas.drawText("WWWW", at: Point(-3, 2), color: RGB.black, scale: 2)
        canvas.drawText("A", at: Point(-1e12, 0), color: RGB.black)
        #expect(!paintedPixels(canvas.frame).isEmpty)
    }
}
