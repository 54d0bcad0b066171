import Foundation
import Rendering
import Testing

@Suite("PNGFile")
struct PNGFileTests {
    @Test("a frame survives a write and read through our own reader")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let frame = samplePicture()
        try PNGFile.write(frame, to: folder.file("picture.png"))
        #expect(try PNGFile.read(from: folder.file("picture.png")) == frame)
        #expect(try folder.contents() == ["picture.png"], "the temporary file should be renamed away")
    }

    @Test("the file starts with the signature and an 8-bit RGB header")
    func header() {
        let bytes = PNGFile.encode(Frame(width: 300, height: 2, color: .white))
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
        #expect(Array(bytes[16..<29]) == [0, 0, 1, 44, 0, 0, 0, 2, 8, 2, 0, 0, 0])
        #expect(Array(bytes.suffix(12)) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        let headerCRC = UInt32(bytes[29]) << 24 | UInt32(bytes[30]) << 16 | UInt32(bytes[31]) << 8 | UInt32(bytes[32])
        #expect(headerCRC == crc32(bytes[12..<29]))
    }

    @Test("writing replaces an existing file whole")
    func replacesExistingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try PNGFile.write(Frame(width: 50, height: 50, color: .white), to: folder.file("a.png"))
        try PNGFile.write(Frame(width: 3, height: 2, color: RGB(1, 2, 3)), to: folder.file("a.png"))
        #expect(try PNGFile.read(from: folder.file("a.png")) == Frame(width: 3, height: 2, color: RGB(1, 2, 3)))
    }

    @Test("a folder that does not exist gives a write error naming the path")
    func writeError() {
        let path = "/nonexistent-dojo-folder/picture.png"
        #expect(throws: ImageFileError.self) { try PNGFile.write(Frame(width: 1, height: 1), to: path) }
        do {
            try PNGFile.write(Frame(width: 1, height: 1), to: path)
        } catch {
            #expect(error.path == path)
            #expect(error.description.contains(path))
        }
    }

    @Test("a flipped byte is caught by the chunk CRC")
    func corruptedChunk() {
        var bytes = PNGFile.encode(samplePicture())
        bytes[50] ^= 0x55
        #expect(throws: ImageFileError.malformed(path: "bad.png", reason: "CRC mismatch in IDAT chunk at byte 33")) {
            try PNGFile.decode(bytes, source: "bad.png")
        }
        #expect(throws: ImageFileError.self) { try PNGFile.decode(Array(bytes.prefix(20)), source: "short.png") }
    }

    @Test("a missing file gives a read error naming the path")
    func readError() {
        #expect(throws: ImageFileError.self) { try PNGFile.read(from: "/nonexistent-dojo-folder/x.png") }
    }

    @Test("a header claiming a huge image is refused without allocating it")
    func hugeImage() {
        var bytes = PNGFile.encode(Frame(width: 1, height: 1))
        bytes.replaceSubrange(16..<24, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        let crc = crc32(bytes[12..<29])
        bytes.replaceSubrange(29..<33, with: [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)])
        #expect(throws: ImageFileError.self) { try PNGFile.decode(bytes, source: "huge.png") }
        do {
            _ = try PNGFile.decode(bytes, source: "huge.png")
        } catch {
            guard case .unsupported = error else {
                Issue.record("expected an unsupported-size error, got \(error)")
                return
            }
        }
    }
}

/// CRC-32 (PNG's polynomial), computed bit by bit to check our writer's independently.
func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}
