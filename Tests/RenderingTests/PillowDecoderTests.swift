import Foundation
import Rendering
import Testing

/// The writers' output decoded by an independent decoder: Python's Pillow (see `Pillow`).
@Suite("Pillow decodes our files", .enabled(if: Pillow.shouldRun, "needs Python with Pillow (Tests/requirements.txt); CI sets DOJO_REQUIRE_PYTHON=1 so it always runs there"))
struct PillowDecoderTests {
    @Test("Pillow reads our PNG with the same size and pixels")
    func png() throws {
        guard let pillow = Pillow.find() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let frame = samplePicture(width: 61, height: 29)
        try PNGFile.write(frame, to: folder.file("ours.png"))
        let description = try #require(try pillow.describe([folder.file("ours.png")])[folder.file("ours.png")])
        #expect(description.format == "PNG")
        #expect((description.width, description.height, description.frames) == (61, 29, 1))
        #expect(description.pixels.first == frame.pixels)
        for (x, y) in [(0, 0), (60, 28), (5, 6), (25, 12), (3, 16)] {
            let offset = (y * 61 + x) * 3
            #expect(description.pixels[0][offset..<(offset + 3)] == frame.pixels[offset..<(offset + 3)])
        }
    }

    @Test("we read the PNGs Pillow writes", arguments: ["RGB", "RGBA", "L", "LA", "P"])
    func pillowPNG(mode: String) throws {
        guard let pillow = Pillow.find() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("pillow-\(mode).png")
        let description = try #require(try pillow.writePattern(to: path, mode: mode))
        let frame = try PNGFile.read(from: path)
        #expect((frame.width, frame.height) == (23, 17))
        #expect(frame.pixels == description.pixels[0])
        if mode == "RGB" {
            #expect(frame[13, 4] == RGB(91, 52, 85))
        }
    }

    @Test("Pillow reads our GIF: size, frames, delays, loop and exact flat colours")
    func flatColourGIF() throws {
        guard let pillow = Pillow.find() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let frames = movingBoxFrames(count: 12)
        try AnimatedGIF(frames: frames, framesPerSecond: 30).write(to: folder.file("flat.gif"))
        let description = try #require(try pillow.describe([folder.file("flat.gif")])[folder.file("flat.gif")])
        #expect(description.format == "GIF")
        #expect((description.width, description.height, description.frames) == (90, 40, 12))
        #expect(description.loop == 0)
        #expect(description.durations == AnimatedGIF.delays(count: 12, framesPerSecond: 30).map { $0 * 10 })
        for (index, frame) in frames.enumerated() {
            #expect(description.pixels[index] == frame.pixels, "frame \(index) differs")
        }
    }

    @Test("Pillow reads a many-colour GIF, with the most frequent colours exact")
    func quantisedGIF() throws {
        guard let pillow = Pillow.find() else { return }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let frames = (0..<3).map { index in
            var canvas = Canvas(frame: samplePicture(width: 64, height: 48))
            canvas.fillRect(x: 40, y: 10 * index, width: 8, height: 8, color: RGB(250, 250, 0))
            return canvas.frame
        }
        try AnimatedGIF(frames: frames, framesPerSecond: 10).write(to: folder.file("many.gif"))
        let description = try #require(try pillow.describe([folder.file("many.gif")])[folder.file("many.gif")])
        #expect((description.width, description.height, description.frames) == (64, 48, 3))
        let decoded = description.pixels[2]
        // The red rectangle and the black text are among the most frequent colours.
        for (x, y) in [(3, 4), (12, 9), (8, 6)] {
            let offset = (y * 64 + x) * 3
            #expect(Array(decoded[offset..<(offset + 3)]) == [200, 30, 40])
        }
        let error = zip(decoded, frames[2].pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(error < 48, "largest channel error \(error)")
    }
}

/// Frames of a 90 x 40 scene: a grey floor, a blue box moving right and a counter overlay.
func movingBoxFrames(count: Int) -> [Frame] {
    (0..<count).map { index in
        var canvas = Canvas(width: 90, height: 40, background: RGB(255, 255, 255))
        canvas.fillRect(x: 0, y: 30, width: 90, height: 10, color: RGB(120, 120, 120))
        canvas.fillRect(x: 5 + 6 * index, y: 14, width: 12, height: 16, color: RGB(30, 60, 200))
        canvas.drawText("step \(index)", at: Point(2, 2), color: RGB(0, 0, 0))
        return canvas.frame
    }
}
