import Foundation
import SwiftProtobuf
import TensorBoard

/// An event file read back with TensorFlow's record framing checked independently of the writer:
/// every length and both checksums of every record, and no bytes left over.
struct EventFileContents {
    /// Where and how the framing is broken.
    enum Problem: Error, Equatable {
        case truncated(offset: Int)
        case lengthChecksumMismatch(offset: Int)
        case dataChecksumMismatch(offset: Int)
    }

    /// The events in file order.
    let events: [Tensorboard_Event]

    init(contentsOf url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        var events: [Tensorboard_Event] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Problem.truncated(offset: offset) }
            let header = Array(bytes[offset..<offset + 8])
            guard CRC32C.masked(CRC32C.checksum(header)) == Self.littleEndianUInt32(bytes, at: offset + 8) else {
                throw Problem.lengthChecksumMismatch(offset: offset)
            }
            let length = header.reversed().reduce(0) { $0 << 8 | Int($1) }
            let start = offset + 12
            guard start + length + 4 <= bytes.count else { throw Problem.truncated(offset: offset) }
            let payload = Array(bytes[start..<start + length])
            guard CRC32C.masked(CRC32C.checksum(payload)) == Self.littleEndianUInt32(bytes, at: start + length) else {
                throw Problem.dataChecksumMismatch(offset: offset)
            }
            events.append(try Tensorboard_Event(serializedBytes: payload))
            offset = start + length + 4
        }
        self.events = events
    }

    /// The scalars of every event after the first, as (tag, step, value, wall time).
    var scalars: [(tag: String, step: Int64, value: Float, wallTime: Double)] {
        events.dropFirst().flatMap { event in
            event.summary.value.map { (tag: $0.tag, step: event.step, value: $0.simpleValue, wallTime: event.wallTime) }
        }
    }

    private static func littleEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
