import TensorBoard
import Testing

@Suite("CRC32C")
struct CRC32CTests {
    @Test("the standard check value and the iSCSI test vectors (RFC 3720, B.4)")
    func knownVectors() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map(UInt8.init)) == 0x46DD_794E)
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    @Test("masking rotates right by 15 bits and adds 0xa282ead8, as tensorboard's masked_crc32c gives")
    func masking() {
        #expect(CRC32C.masked(0xE306_9283) == 0xC78A_B0E5)
        #expect(CRC32C.masked(0x8A91_36AA) == 0x0FD7_FFFA)
        #expect(CRC32C.masked(0) == 0xA282_EAD8)
    }
}
