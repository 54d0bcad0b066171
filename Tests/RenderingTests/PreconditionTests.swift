import Rendering
import Testing

/// Contract violations stop the process with a precondition failure.
@Suite("Preconditions")
struct PreconditionTests {
    @Test("reading a pixel outside the frame")
    func pixelOutsideFrame() async {
        await #expect(processExitsWith: .failure) {
            _ = Frame(width: 4, height: 3)[4, 0]
        }
    }

    @Test("a pixel buffer of the wrong size")
    func wrongPixelCount() async {
        await #expect(processExitsWith: .failure) {
            _ = Frame(width: 4, height: 3, pixels: [0, 0, 0])
        }
    }

    @Test("a GIF frame of a different size")
    func mismatchedGIFFrame() async {
        await #expect(processExitsWith: .failure) {
            var gif = AnimatedGIF(framesPerSecond: 10)
            gif.append(Frame(width: 4, height: 3))
            gif.append(Frame(width: 3, height: 4))
        }
    }

    @Test("encoding a GIF without frames")
    func emptyGIF() async {
        await #expect(processExitsWith: .failure) {
            _ = AnimatedGIF(framesPerSecond: 10).encoded()
        }
    }

    @Test("a negative rectangle or a zero line width")
    func badShapes() async {
        await #expect(processExitsWith: .failure) {
            var canvas = Canvas(width: 4, height: 4)
            canvas.fillRect(x: 0, y: 0, width: -1, height: 2, color: .black)
        }
        await #expect(processExitsWith: .failure) {
            var canvas = Canvas(width: 4, height: 4)
            canvas.drawLine(from: Point(0, 0), to: Point(3, 3), width: 0, color: .black)
        }
    }
}
