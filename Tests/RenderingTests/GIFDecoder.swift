import Rendering

/// A small GIF decoder for the tests, written from the GIF89a specification to read back what
/// `AnimatedGIF` writes: global colour table, looping extension, graphic control delays,
/// image rectangles composed over the previous frame, LZW data.
struct DecodedGIF {
    var width = 0
    var height = 0
    var palette: [RGB] = []
    var loopCount: Int?
    var delays: [Int] = []
    var areas: [(x: Int, y: Int, width: Int, height: Int)] = []
    var frames: [Frame] = []

    struct Malformed: Error {
        var reason: String
    }

    init(_ bytes: [UInt8]) throws {
        var reader = ByteReader(bytes: bytes)
        guard try reader.take(6) == Array("GIF89a".utf8) else { throw Malformed(reason: "signature") }
        width = try reader.uint16()
        height = try reader.uint16()
        let flags = try reader.byte()
        _ = try reader.take(2)
        if flags & 0x80 != 0 {
            let table = try reader.take(3 << (Int(flags & 7) + 1))
            palette = stride(from: 0, to: table.count, by: 3).map { RGB(table[$0], table[$0 + 1], table[$0 + 2]) }
        }
        var canvas = Frame(width: width, height: height)
        while true {
            switch try reader.byte() {
            case 0x21:
                let label = try reader.byte()
                let blocks = try reader.subBlocks()
                if label == 0xF9, blocks.count >= 4 {
                    delays.append(Int(blocks[1]) | Int(blocks[2]) << 8)
                } else if label == 0xFF, blocks.count >= 14, Array(blocks[0..<11]) == Array("NETSCAPE2.0".utf8) {
                    loopCount = Int(blocks[12]) | Int(blocks[13]) << 8
                }
            case 0x2C:
                let area = (x: try reader.uint16(), y: try reader.uint16(), width: try reader.uint16(), height: try reader.uint16())
                guard try reader.byte() & 0xC0 == 0 else { throw Malformed(reason: "local table or interlace") }
                let minimumCodeSize = Int(try reader.byte())
                let indices = try DecodedGIF.decompress(try reader.subBlocks(), minimumCodeSize: minimumCodeSize)
                guard indices.count == area.width * area.height else {
                    throw Malformed(reason: "frame \(frames.count) has \(indices.count) pixels for a \(area.width) x \(area.height) area")
                }
                for (offset, index) in indices.enumerated() {
                    canvas[area.x + offset % area.width, area.y + offset / area.width] = palette[Int(index)]
                }
                areas.append(area)
                frames.append(canvas)
            case 0x3B:
                return
            case let other:
                throw Malformed(reason: "unexpected block \(other)")
            }
        }
    }

    /// GIF LZW decoding: codes LSB-first, growing to 12 bits, clear and end codes.
    static func decompress(_ data: [UInt8], minimumCodeSize: Int) throws -> [UInt8] {
        let clear = 1 << minimumCodeSize
        var table: [[UInt8]] = []
        var codeSize = minimumCodeSize + 1
        var previous: [UInt8]?
        var output: [UInt8] = []
        var (buffer, count, position) = (0, 0, 0)
        func reset() {
            table = (0..<clear).map { [UInt8($0)] } + [[], []]
            codeSize = minimumCodeSize + 1
            previous = nil
        }
        reset()
        while true {
            while count < codeSize {
                guard position < data.count else { throw Malformed(reason: "missing end code") }
                buffer |= Int(data[position]) << count
                position += 1
                count += 8
            }
            let code = buffer & ((1 << codeSize) - 1)
            buffer >>= codeSize
            count -= codeSize
            if code == clear { reset(); continue }
            if code == clear + 1 { return output }
            let entry: [UInt8]
            if code < table.count {
                entry = table[code]
            } else if code == table.count, let previous {
                entry = previous + [previous[0]]
            } else {
                throw Malformed(reason: "code \(code) beyond table of \(table.count)")
            }
            output += entry
            if let previous, table.count < 4096 {
                table.append(previous + [entry[0]])
                if table.count == 1 << codeSize, codeSize < 12 { codeSize += 1 }
            }
            previous = entry
        }
    }
}

/// Reads a byte array front to back.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw DecodedGIF.Malformed(reason: "file ends early") }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func take(_ count: Int) throws -> [UInt8] {
        guard offset + count <= bytes.count else { throw DecodedGIF.Malformed(reason: "file ends early") }
        offset += count
        return Array(bytes[(offset - count)..<offset])
    }

    mutating func uint16() throws -> Int {
        let pair = try take(2)
        return Int(pair[0]) | Int(pair[1]) << 8
    }

    mutating func subBlocks() throws -> [UInt8] {
        var data: [UInt8] = []
        while true {
            let size = Int(try byte())
            if size == 0 { return data }
            data += try take(size)
        }
    }
}
