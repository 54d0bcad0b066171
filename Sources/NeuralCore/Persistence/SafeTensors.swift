import Foundation

/// The contents of a safetensors file: named F32 tensors plus string metadata.
///
/// Layout (https://github.com/huggingface/safetensors): an 8-byte little-endian header
/// length `N`, `N` bytes of JSON mapping each name to `{"dtype", "shape", "data_offsets"}`
/// (plus an optional `"__metadata__"` object of strings), then the raw little-endian data.
/// Reading validates every length and offset before allocating tensors, so a truncated or
/// corrupt file is a thrown ``SafeTensorsError``, never a crash or an outsized allocation.
public struct SafeTensors: Sendable, Equatable {
    /// The tensors, in file order.
    public var tensors: [(name: String, tensor: Tensor)]
    /// The `__metadata__` strings.
    public var metadata: [String: String]

    /// The largest header accepted, as in the reference implementation.
    static let maximumHeaderSize = 100_000_000

    /// Creates file contents from tensors and metadata.
    public init(tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The number of values in all the tensors together.
    public var valueCount: Int { tensors.reduce(0) { $0 + $1.tensor.count } }

    /// The tensor of a given name, if present.
    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }?.tensor
    }

    /// Equal names, tensors and metadata, in the same order.
    public static func == (lhs: SafeTensors, rhs: SafeTensors) -> Bool {
        lhs.metadata == rhs.metadata && lhs.tensors.map(\.name) == rhs.tensors.map(\.name)
            && lhs.tensors.map(\.tensor) == rhs.tensors.map(\.tensor)
    }

    /// The file's bytes: tensors laid out in order, header padded with spaces to 8-byte alignment.
    public func encoded() -> Data {
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\(Self.quoted($0.key)):\(Self.quoted($0.value))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for (name, tensor) in tensors {
            let end = offset + tensor.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(Self.quoted(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for (_, tensor) in tensors {
            tensor.scalars.withUnsafeBufferPointer { buffer in
                for value in buffer { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
            }
        }
        return data
    }

    /// Writes the file atomically: Foundation's `.atomic` option writes a temporary file in
    /// the same folder and renames it over `url`, so a crash never leaves a half-written checkpoint.
    /// - Throws: ``SafeTensorsError/io(path:reason:)``.
    public func write(to url: URL) throws(SafeTensorsError) {
        do {
            try encoded().write(to: url, options: .atomic)
        } catch {
            throw .io(path: url.path, reason: "cannot write: \(Self.systemReason(error))")
        }
    }

    /// The system's words for why a file operation failed ("File too large", "No such file or
    /// directory"), from the POSIX error under Foundation's, or the error itself.
    static func systemReason(_ error: any Error) -> String {
        var current = error as NSError
        while let underlying = current.userInfo[NSUnderlyingErrorKey] as? any Error { current = underlying as NSError }
        return current.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(current.code))) : "\(error)"
    }

    /// Reads and validates a file.
    /// - Throws: ``SafeTensorsError`` naming what is wrong.
    public init(contentsOf url: URL) throws(SafeTensorsError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .io(path: url.path, reason: "cannot read: \(Self.systemReason(error))")
        }
        try self.init(data: data)
    }

    /// JSON string literal with the escapes JSON requires.
    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
