extension PNGFile {
    /// The largest image the reader accepts, in pixels (8192 x 8192).
    public static let maximumPixelCount = 1 << 26

    /// Decodes the bytes of a PNG file into a frame.
    ///
    /// Accepts non-interlaced images with 8 bits per sample in colour types 2 (RGB, what our
    /// writer and Pillow write for RGB images), 6 (RGBA), 0 (grey), 4 (grey and alpha) and
    /// 3 (palette), with any filters and the image data split over any number of IDAT chunks.
    /// Alpha is discarded, not composited. Every chunk's CRC-32 is checked, and the zlib
    /// stream's Adler-32 by zlib. Images of more than `maximumPixelCount` pixels are refused
    /// before any memory is set aside for them.
    ///
    /// - Parameter source: names the data in errors, usually its file path.
    /// - Throws: `ImageFileError.malformed` for bytes that are not a valid PNG, and
    ///   `.unsupported` for valid PNGs outside the cases above, both naming `source`.
    public static func decode(_ bytes: [UInt8], source: String = "PNG data") throws(ImageFileError) -> Frame {
        guard bytes.starts(with: signature) else { throw .malformed(path: source, reason: "missing PNG signature") }
        var offset = signature.count
        var header: [UInt8] = []
        var palette: [UInt8] = []
        var compressed: [UInt8] = []
        var sawEnd = false
        while !sawEnd {
            guard offset + 12 <= bytes.count else {
                throw .malformed(path: source, reason: "file ends before the IEND chunk")
            }
            let length = Int(readBigEndian(bytes, at: offset))
            guard length <= bytes.count - offset - 12 else {
                throw .malformed(path: source, reason: "chunk at byte \(offset) runs past the end of the file")
            }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let data = bytes[(offset + 8)..<(offset + 8 + length)]
            let storedCRC = readBigEndian(bytes, at: offset + 8 + length)
            guard Zlib.crc32(bytes[(offset + 4)..<(offset + 8 + length)]) == storedCRC else {
                throw .malformed(path: source, reason: "CRC mismatch in \(type) chunk at byte \(offset)")
            }
            if offset == signature.count, type != "IHDR" {
                throw .malformed(path: source, reason: "first chunk is \(type), expected IHDR")
            }
            switch type {
            case "IHDR": header = Array(data)
            case "PLTE": palette = Array(data)
            case "IDAT": compressed += data
            case "IEND": sawEnd = true
            default: break
            }
            offset += length + 12
        }
        return try pixels(header: header, palette: palette, compressed: compressed, source: source)
    }

    /// Builds the frame from the IHDR fields, palette and concatenated IDAT data.
    private static func pixels(
        header: [UInt8], palette: [UInt8], compressed: [UInt8], source: String
    ) throws(ImageFileError) -> Frame {
        guard header.count == 13 else { throw .malformed(path: source, reason: "IHDR has \(header.count) bytes, expected 13") }
        let width = Int(readBigEndian(header, at: 0))
        let height = Int(readBigEndian(header, at: 4))
        let (depth, colourType, interlace) = (header[8], header[9], header[12])
        guard width > 0, height > 0, width <= maximumPixelCount, height <= maximumPixelCount,
              width * height <= maximumPixelCount else {
            throw .unsupported(path: source, reason: "image size \(width) x \(height), more than \(maximumPixelCount) pixels")
        }
        guard depth == 8 else { throw .unsupported(path: source, reason: "bit depth \(depth), only 8 is read") }
        guard interlace == 0 else { throw .unsupported(path: source, reason: "Adam7 interlacing") }
        let channelsByType: [UInt8: Int] = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4]
        guard let channels = channelsByType[colourType] else {
            throw .malformed(path: source, reason: "unknown colour type \(colourType)")
        }
        if colourType == 3, palette.isEmpty || palette.count % 3 != 0 {
            throw .malformed(path: source, reason: "palette image without a valid PLTE chunk")
        }
        let stride = width * channels
        guard let filtered = Zlib.decompress(compressed, expectedCount: height * (stride + 1)) else {
            throw .malformed(path: source, reason: "image data does not inflate to \(height) rows of \(stride) bytes")
        }
        guard let raw = PNGFilter.unfiltered(filtered, rows: height, stride: stride, bytesPerPixel: channels) else {
            throw .malformed(path: source, reason: "unknown row filter type")
        }
        var frame = Frame(width: width, height: height)
        for pixel in 0..<(width * height) {
            let sample = pixel * channels
            let rgb: (UInt8, UInt8, UInt8)
            switch colourType {
            case 0, 4: rgb = (raw[sample], raw[sample], raw[sample])
            case 3:
                let entry = Int(raw[sample]) * 3
                guard entry + 2 < palette.count else {
                    throw .malformed(path: source, reason: "palette index \(raw[sample]) beyond the palette")
                }
                rgb = (palette[entry], palette[entry + 1], palette[entry + 2])
            default: rgb = (raw[sample], raw[sample + 1], raw[sample + 2])
            }
            frame.pixels[pixel * 3] = rgb.0
            frame.pixels[pixel * 3 + 1] = rgb.1
            frame.pixels[pixel * 3 + 2] = rgb.2
        }
        return frame
    }

    /// The four bytes of `bytes` at `offset`, most significant first.
    private static func readBigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
