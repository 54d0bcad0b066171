/// TensorFlow's record framing, which an event file is a sequence of.
///
/// Each record is the payload's length as a little-endian `UInt64`, the masked CRC-32C of those
/// eight bytes, the payload, then the masked CRC-32C of the payload (both checksums little-endian
/// `UInt32`). TensorBoard's reader stops at the first record whose checksums do not match.
enum TFRecord {
    /// The bytes a record adds to a file beyond its payload.
    static let overhead = 16

    /// Appends `payload`, framed as one record, to `buffer`.
    static func append(_ payload: [UInt8], to buffer: inout [UInt8]) {
        let length = withUnsafeBytes(of: UInt64(payload.count).littleEndian) { Array($0) }
        buffer.reserveCapacity(buffer.count + payload.count + overhead)
        buffer += length
        appendLittleEndian(CRC32C.masked(CRC32C.checksum(length)), to: &buffer)
        buffer += payload
        appendLittleEndian(CRC32C.masked(CRC32C.checksum(payload)), to: &buffer)
    }

    private static func appendLittleEndian(_ value: UInt32, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer += $0 }
    }
}
