/// CRC-32C (Castagnoli), the checksum that guards every record of a TensorBoard event file.
///
/// TensorFlow's record format checks lengths and payloads with CRC-32C rather than zlib's CRC-32,
/// and stores it "masked" so that a checksum of bytes that themselves hold checksums stays
/// well mixed. Package-visible so the tests can check it against published values.
package enum CRC32C {
    /// The reflected Castagnoli polynomial 0x1EDC6F41.
    private static let polynomial: UInt32 = 0x82F6_3B78

    /// The remainder of every byte value, so the checksum takes one lookup per byte.
    static let table: [UInt32] = (0...255).map { byte in
        var remainder = UInt32(byte)
        for _ in 0..<8 {
            remainder = remainder & 1 == 1 ? (remainder >> 1) ^ polynomial : remainder >> 1
        }
        return remainder
    }

    /// The CRC-32C of `bytes`: `"123456789"` gives 0xE3069283.
    ///
    /// - Complexity: O(n) in the number of bytes.
    package static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = UInt32.max
        for byte in bytes {
            crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
        }
        return ~crc
    }

    /// `crc` rotated right by 15 bits plus a constant, as TensorFlow's record format stores it.
    package static func masked(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
