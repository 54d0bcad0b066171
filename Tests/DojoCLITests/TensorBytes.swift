import Foundation

/// The raw bytes of each tensor in a safetensors file, read as the format defines it (an
/// 8-byte little-endian header length, a JSON header of `data_offsets`, then the data), so
/// black-box tests can compare the weights two runs wrote without linking NeuralCore.
enum TensorBytes {
    static func read(_ url: URL) throws -> [String: Data] {
        let file = try Data(contentsOf: url)
        let headerLength = file.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try Self.header(of: file)
        var tensors: [String: Data] = [:]
        for (name, entry) in header where name != "__metadata__" {
            guard let offsets = (entry as? [String: Any])?["data_offsets"] as? [Int], offsets.count == 2 else { continue }
            tensors[name] = file.subdata(in: 8 + headerLength + offsets[0]..<8 + headerLength + offsets[1])
        }
        return tensors
    }

    /// The file's `__metadata__` strings.
    static func metadata(_ url: URL) throws -> [String: String] {
        try header(of: Data(contentsOf: url))["__metadata__"] as? [String: String] ?? [:]
    }

    private static func header(of file: Data) throws -> [String: Any] {
        let headerLength = file.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        return try JSONSerialization.jsonObject(with: file.subdata(in: 8..<8 + headerLength)) as? [String: Any] ?? [:]
    }
}
