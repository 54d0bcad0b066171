import Foundation
import Rendering
import Testing

/// A pixel position, for comparing sets of painted pixels.
struct Pixel: Hashable, CustomStringConvertible {
    var x: Int
    var y: Int
    init(_ x: Int, _ y: Int) {
        self.x = x
        self.y = y
    }
    var description: String { "(\(x), \(y))" }
}

/// The pixels of `frame` that are not `background`.
func paintedPixels(_ frame: Frame, background: RGB = .white) -> Set<Pixel> {
    var result: Set<Pixel> = []
    for y in 0..<frame.height {
        for x in 0..<frame.width where frame[x, y] != background {
            result.insert(Pixel(x, y))
        }
    }
    return result
}

/// Every pixel in columns `xs` and rows `ys`.
func block(_ xs: Range<Int>, _ ys: Range<Int>) -> Set<Pixel> {
    Set(xs.flatMap { x in ys.map { y in Pixel(x, y) } })
}

@Suite("Canvas")
struct CanvasTests {
    @Test("an integer rectangle covers columns x..<x+width and rows y..<y+height")
    func integerRectangle() {
        var canvas = Canvas(width: 10, height: 8)
        canvas.fillRect(x: 2, y: 3, width: 4, height: 2, color: RGB(255, 0, 0))
        #expect(paintedPixels(canvas.frame) == block(2..<6, 3..<5))
        #expect(canvas.frame[2, 3] == RGB(255, 0, 0))
    }

    @Test("shapes are clipped to the frame")
    func clipping() {
        var canvas = Canvas(width: 6, height: 5)
        canvas.fillRect(x: -3, y: -2, width: 5, height: 4, color: .black)
        canvas.fillCircle(centre: Point(100, 100), radius: 3, color: RGB.black)
        canvas.fillPolygon([Point(-50, -50), Point(-40, -50), Point(-40, -40)], color: RGB.black)
        canvas.drawLine(from: Point(-10, 4.5), to: Point(1e12, 4.5), width: 1, color: RGB.black)
        #expect(paintedPixels(canvas.frame) == block(0..<2, 0..<2).union(block(0..<6, 4..<5)))
    }

    @Test("an outlined rectangle paints the border inside the rectangle")
    func outlinedRectangle() {
        var canvas = Canvas(width: 10, height: 10)
        canvas.strokeRect(x: 1, y: 1, width: 6, height: 5, lineWidth: 2, color: RGB.black)
        #expect(paintedPixels(canvas.frame) == block(1..<7, 1..<6).subtracting(block(3..<5, 3..<4)))
    }

    @Test("a polygon on integer corners covers the same pixels as the rectangle")
    func polygonMatchesRectangle() {
        var canvas = Canvas(width: 10, height: 10)
        canvas.fillPolygon([Point(2, 1), Point(7, 1), Point(7, 4), Point(2, 4)], color: RGB.black)
        #expect(paintedPixels(canvas.frame) == block(2..<7, 1..<4))
    }

    @Test("a centre on a left or top edge is outside, on a right or bottom edge inside")
    func boundaryRule() {
        var canvas = Canvas(width: 10, height: 10)
        canvas.fillRect(origin: Point(1.5, 2.5), width: 3, height: 2, color: RGB.black)
        #expect(paintedPixels(canvas.frame) == block(2..<5, 3..<5))
    }

    @Test("a concave polygon leaves its notch empty")
    func concavePolygon() {
        var canvas = Canvas(width: 8, height: 8)
        // A U shape: outer 0..6 x 0..6, notch 2..4 x 0..4 open at the top.
        let outline = [Point(0, 0), Point(2, 0), Point(2, 4), Point(4, 4), Point(4, 0),
                       Point(6, 0), Point(6, 6), Point(0, 6)]
        canvas.fillPolygon(outline, color: RGB.black)
        #expect(paintedPixels(canvas.frame) == block(0..<6, 0..<6).subtracting(block(2..<4, 0..<4)))
    }

    @Test("a rotated rectangle covers about its area and stays inside its bounds")
    func rotatedRectangle() {
        var canvas = Canvas(width: 100, height: 100)
        let angle = 0.3
        let (c, s) = (cos(angle), sin(angle))
        let corners = [(-5.0, 0.0), (5.0, 0.0), (5.0, -40.0), (-5.0, -40.0)].map { x, y in
            Point(50 + x * c - y * s, 80 + x * s + y * c)
        }
        canvas.fillPolygon(corners, color: RGB.black)
        let count = paintedPixels(canvas.frame).count
        #expect(abs(count - 400) < 30, "expected about 400 pixels, got \(count)")
    }

    @Test("a one-pixel line along row n covers row n, columns a..<b")
    func horizontalLine() {
        var canvas = Canvas(width: 12, height: 8)
        canvas.drawLine(from: Point(2, 5), to: Point(9, 5), color: RGB.black)
        #expect(paintedPixels(canvas.frame) == block(2..<9, 5..<6))
        var vertical = Canvas(width: 12, height: 8)
        vertical.drawLine(from: Point(3, 1), to: Point(3, 7), width: 2, color: RGB.black)
        #expect(paintedPixels(vertical.frame) == block(2..<4, 1..<7))
    }

    @Test("a thin diagonal line has a pixel in every row and column it crosses")
    func diagonalLine() {
        var canvas = Canvas(width: 40, height: 40)
        canvas.drawLine(from: Point(1.5, 2.5), to: Point(35.5, 20.5), color: RGB.black)
        let pixels = paintedPixels(canvas.frame)
        for x in 2..<35 {
            #expect(pixels.contains { $0.x == x }, "column \(x) is empty")
        }
        for y in 3..<20 {
            #expect(pixels.contains { $0.y == y }, "row \(y) is empty")
        }
    }

    @Test("a filled circle covers the pixels whose centres are within the radius")
    func filledCircle() {
        var canvas = Canvas(width: 12, height: 12)
        canvas.fillCircle(centre: .centre(ofPixel: 5, 6), radius: 3, color: RGB.black)
        let expected = block(0..<12, 0..<12).filter { ($0.x - 5) * ($0.x - 5) + ($0.y - 6) * ($0.y - 6) <= 9 }
        #expect(paintedPixels(canvas.frame) == expected)
    }

    @Test("an outlined circle is the ring radius - width < d <= radius")
    func outlinedCircle() {
        var canvas = Canvas(width: 20, height: 20)
        canvas.strokeCircle(centre: .centre(ofPixel: 9, 9), radius: 6, width: 2, color: RGB.black)
        let expected = block(0..<20, 0..<20).filter {
            let d2 = (($0.x - 9) * ($0.x - 9) + ($0.y - 9) * ($0.y - 9))
            return d2 > 16 && d2 <= 36
        }
        #expect(paintedPixels(canvas.frame) == expected)
    }

    @Test("a translucent colour is composited over the frame")
    func alphaBlending() {
        var canvas = Canvas(width: 4, height: 4, background: RGB(0, 0, 200))
        canvas.fillRect(x: 0, y: 0, width: 2, height: 4, color: RGBA(255, 255, 255, 128))
        canvas.fillRect(x: 2, y: 0, width: 1, height: 4, color: RGB(255, 0, 0).withAlpha(0))
        canvas.fillRect(x: 3, y: 0, width: 1, height: 4, color: RGB(255, 0, 0).withAlpha(1))
        #expect(canvas.frame[0, 0] == RGB(128, 128, 228))
        #expect(canvas.frame[2, 0] == RGB(0, 0, 200))
        #expect(canvas.frame[3, 3] == RGB(255, 0, 0))
        #expect(RGBA(.white, alpha: 128).composited(over: .black) == RGB(128, 128, 128))
    }

    @Test("anti-aliased shapes keep interiors exact and blend edges by covered area")
    func antialiasing() {
        var canvas = Canvas(width: 40, height: 40, background: .black)
        canvas.fillPolygon([Point(5.5, 5), Point(30, 5), Point(30, 25.25), Point(5.5, 25.25)],
                           color: RGB.white, antialiased: true)
        #expect(canvas.frame[15, 15] == RGB.white)
        #expect(canvas.frame[5, 15] == RGB(128, 128, 128), "half of column 5 is inside")
        #expect(canvas.frame[15, 25] == RGB(64, 64, 64), "a quarter of row 25 is inside")
        #expect(canvas.frame[30, 15] == RGB.black)
        #expect(abs(totalIntensity(canvas.frame) - 24.5 * 20.25) < 1)

        var disc = Canvas(width: 40, height: 40, background: .black)
        disc.fillCircle(centre: Point(20, 20), radius: 10, color: RGB.white, antialiased: true)
        #expect(disc.frame[20, 20] == RGB.white)
        #expect(abs(totalIntensity(disc.frame) - Double.pi * 100) < 3)

        var line = Canvas(width: 40, height: 40, background: .black)
        line.drawLine(from: Point(2, 3), to: Point(35, 30), width: 2, color: RGB.white, antialiased: true)
        let length = (33.0 * 33 + 27 * 27).squareRoot()
        #expect(abs(totalIntensity(line.frame) - 2 * length) < 3)
    }
}

/// The frame's red channel summed, in units of one full white pixel.
func totalIntensity(_ frame: Frame) -> Double {
    Double(stride(from: 0, to: frame.pixels.count, by: 3).reduce(0) { $0 + Int(frame.pixels[$1]) }) / 255
}
