/// Reads and writes single frames as PNG files.
///
/// The writer produces 8-bit RGB (colour type 2), non-interlaced images: each row filtered
/// with whichever of the None, Sub and Up filters gives the smallest sum of absolute
/// differences (the usual PNG heuristic), then one zlib stream in a single IDAT chunk. The
/// reader accepts what this writer produces and what common tools such as Pillow write for
/// RGB images (see `decode(_:source:)`).
public enum PNGFile {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// `frame` as the bytes of a PNG file.
    ///
    /// - Complexity: O(width x height).
    public static func encode(_ frame: Frame) -> [UInt8] {
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(frame.width))
        header.appendBigEndian(UInt32(frame.height))
        header += [8, 2, 0, 0, 0]  // bit depth 8, RGB, deflate, adaptive filtering, no interlace
        var bytes = signature
        appendChunk("IHDR", header, to: &bytes)
        appendChunk("IDAT", Zlib.compress(PNGFilter.filtered(frame)), to: &bytes)
        appendChunk("IEND", [], to: &bytes)
        return bytes
    }

    /// Writes `frame` to `path` as a PNG file, atomically (a temporary file in the same
    /// folder, then renamed), so an existing file is replaced whole or not at all.
    ///
    /// - Throws: `ImageFileError.cannotWrite` naming `path` when the file cannot be written.
    public static func write(_ frame: Frame, to path: String) throws(ImageFileError) {
        try FileBytes.writeAtomically(encode(frame), to: path)
    }

    /// Reads the PNG file at `path` into a frame.
    ///
    /// - Throws: `ImageFileError` naming `path`: `cannotRead` when the file cannot be read,
    ///   `malformed` or `unsupported` as in `decode(_:source:)`.
    public static func read(from path: String) throws(ImageFileError) -> Frame {
        try decode(FileBytes.contents(of: path), source: path)
    }

    /// Appends one chunk: length, type, data and the CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to bytes: inout [UInt8]) {
        bytes.appendBigEndian(UInt32(data.count))
        let start = bytes.count
        bytes += Array(type.utf8)
        bytes += data
        bytes.appendBigEndian(Zlib.crc32(bytes[start...]))
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as four bytes, most significant first.
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8(value >> 16 & 0xFF))
        append(UInt8(value >> 8 & 0xFF))
        append(UInt8(value & 0xFF))
    }
}
