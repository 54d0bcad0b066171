import CZlib

/// The zlib calls the PNG writer and reader need: a zlib stream (header, deflate data,
/// Adler-32) in and out, and the CRC-32 that guards PNG chunks.
///
/// We use the system zlib (target `CZlib`, pkg-config `zlib`; apt `zlib1g-dev`, brew `zlib`)
/// rather than our own deflate: it is on every machine that builds Swift on Linux, compresses
/// far better than stored or fixed-Huffman blocks, and gives the reader a complete inflate.
enum Zlib {
    /// `bytes` compressed as one zlib stream at the default level.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress!, &capacity, input.baseAddress, uLong(input.count), Z_DEFAULT_COMPRESSION)
            }
        }
        // compress2 fails only when memory runs out or the bound is wrong: both our bugs.
        precondition(status == Z_OK, "expected zlib to compress \(bytes.count) bytes, got status \(status)")
        output.removeSubrange(Int(capacity)...)
        return output
    }

    /// The content of the zlib stream `bytes`, or nil when it is not a valid stream that
    /// inflates to exactly `expectedCount` bytes.
    static func decompress(_ bytes: [UInt8], expectedCount: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: expectedCount)
        var count = uLong(expectedCount)
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &count, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, count == expectedCount else { return nil }
        return output
    }

    /// The CRC-32 of `bytes` (the polynomial PNG and zlib use).
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
