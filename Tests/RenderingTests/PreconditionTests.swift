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

    @Test("a chart series with more xs than ys, or a band of another length")
    func mismatchedSeries() async {
        await #expect(processExitsWith: .failure) {
            _ = ChartSeries(name: "a", xs: [0, 1], ys: [0], color: .black)
        }
        await #expect(processExitsWith: .failure) {
            _ = ChartSeries(name: "a", xs: [0, 1], ys: [0, 1], color: .black, band: .init(lower: [0], upper: [1]))
        }
    }

    @Test("aggregating runs onto fewer than two samples")
    func tooFewSamples() async {
        await #expect(processExitsWith: .failure) {
            _ = ChartSeries.aggregating([], name: "a", color: .black, sampleCount: 1)
        }
    }
}
