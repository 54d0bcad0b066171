import Rendering
import Testing

@Suite("AnimatedGIF")
struct AnimatedGIFTests {
    @Test("the file has the header, a looping extension, one image per frame and the trailer")
    func structure() throws {
        let frames = movingBoxFrames(count: 5)
        let bytes = AnimatedGIF(frames: frames, framesPerSecond: 50).encoded()
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        #expect(bytes.last == 0x3B)
        let gif = try DecodedGIF(bytes)
        #expect((gif.width, gif.height) == (90, 40))
        #expect(gif.loopCount == 0)
        #expect(gif.frames.count == 5)
        #expect(gif.delays == [2, 2, 2, 2, 2])
        #expect(gif.frames == frames)
    }

    @Test("a few flat colours are in the palette exactly")
    func exactPalette() throws {
        let gif = try DecodedGIF(AnimatedGIF(frames: movingBoxFrames(count: 3), framesPerSecond: 10).encoded())
        for colour in [RGB(255, 255, 255), RGB(120, 120, 120), RGB(30, 60, 200), RGB(0, 0, 0)] {
            #expect(gif.palette.contains(colour), "missing \(colour)")
        }
        #expect(gif.palette.count == 4)
    }

    @Test("after the first frame only the changed rectangle is stored")
    func changedRectangle() throws {
        let still = Frame(width: 20, height: 10, color: .white)
        var moved = still
        moved[3, 4] = RGB(9, 9, 9)
        moved[7, 6] = RGB(9, 9, 9)
        let gif = try DecodedGIF(AnimatedGIF(frames: [still, moved, moved], framesPerSecond: 25).encoded())
        #expect(gif.areas.count == 3)
        #expect(gif.areas[0] == (0, 0, 20, 10))
        #expect(gif.areas[1] == (3, 4, 5, 3))
        #expect(gif.areas[2] == (0, 0, 1, 1))
        #expect(gif.frames == [still, moved, moved])
    }

    @Test("more than 256 colours: the most frequent stay exact, the rest are close")
    func quantisation() throws {
        var frame = Frame(width: 64, height: 64, color: RGB(10, 200, 30))
        for y in 32..<64 {
            for x in 0..<64 { frame[x, y] = RGB(UInt8(x * 4), UInt8(y * 4), UInt8((x + y) * 2)) }
        }
        let gif = try DecodedGIF(AnimatedGIF(frames: [frame], framesPerSecond: 10).encoded())
        #expect(gif.palette.count == 256)
        #expect(gif.frames[0][5, 5] == RGB(10, 200, 30))
        let error = zip(gif.frames[0].pixels, frame.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(error <= 24, "largest channel error \(error)")
    }

    @Test("grey noise with all 256 levels survives LZW table resets exactly")
    func lzwTableResets() throws {
        var generator: UInt64 = 42
        var frame = Frame(width: 200, height: 150)
        for y in 0..<150 {
            for x in 0..<200 {
                generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let level = y < 10 ? UInt8(x % 256) : UInt8(truncatingIfNeeded: generator >> 56)
                frame[x, y] = RGB(level, level, level)
            }
        }
        let blank = Frame(width: 200, height: 150)
        let gif = try DecodedGIF(AnimatedGIF(frames: [frame, blank], framesPerSecond: 10).encoded())
        #expect(gif.palette.count == 256)
        #expect(gif.frames == [frame, blank])
    }

    @Test("delays are hundredths that never drift from frames / fps",
          arguments: [(30.0, [3, 4, 3, 3, 4, 3]), (50.0, [2, 2, 2, 2, 2, 2]), (7.0, [14, 15, 14, 14, 14, 15])])
    func delays(fps: Double, expected: [Int]) {
        #expect(AnimatedGIF.delays(count: 6, framesPerSecond: fps) == expected)
    }

    @Test("writing goes to the path atomically and reports a bad path")
    func writing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try AnimatedGIF(frames: movingBoxFrames(count: 2), framesPerSecond: 10).write(to: folder.file("a.gif"))
        #expect(try folder.contents() == ["a.gif"])
        #expect(throws: ImageFileError.cannotWrite(path: "/nonexistent-dojo-folder/a.gif", reason: "No such file or directory")) {
            try AnimatedGIF(frames: movingBoxFrames(count: 1), framesPerSecond: 10).write(to: "/nonexistent-dojo-folder/a.gif")
        }
    }
}
