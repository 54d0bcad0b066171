import Foundation

/// A small checkpoint made once per test run by the built tool: PPO on CartPole-v1 with one
/// hidden layer of 8, trained for 512 steps.
enum TrainedCheckpoint {
    static let bytes: Result<Data, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-small-checkpoint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DojoBinary.run([
            "train", "--env", "CartPole-v1", "--agent", "ppo", "--steps", "512", "--set", "net_arch=[8]", "--out", folder.path, "--quiet",
        ])
        guard output.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: output.stderr]) }
        return try Data(contentsOf: folder.appendingPathComponent("final.safetensors"))
    }
}

/// Ways to damage a safetensors checkpoint, each as the format defines it (an 8-byte
/// little-endian header length, a JSON header, then the tensors' bytes), so the reader's
/// refusals are tested on files a real run wrote.
enum CheckpointDamage: Sendable {
    /// Left as it is.
    case intact
    /// The last 100 bytes cut off.
    case truncated
    /// Only 5 bytes left: not even the header length.
    case shorterThanPrefix
    /// The header's first byte replaced, so it is not JSON.
    case corruptHeader
    /// `__metadata__.architecture` replaced by JSON that describes no network.
    case corruptArchitecture
    /// `__metadata__.architecture` asking for a first layer of 4,000,000 outputs: 16M weights
    /// that the file's 107 values cannot hold.
    case hugeArchitecture
    /// The header length replaced by this value.
    case headerLength(UInt64)
    /// `policy.0.weight`'s shape widened from [8, 4] to [8, 5], its data offsets kept.
    case widenedShape
    /// `policy.0.bias` starting inside `policy.0.weight`'s bytes.
    case overlappingRanges
    /// Four unused bytes inserted before `policy.2.weight`, every later offset moved past them.
    case gapBetweenRanges
    /// The first weight set to NaN.
    case notANumber

    func apply(to file: Data) throws -> Data {
        let headerLength = Int(file.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        var header = try JSONSerialization.jsonObject(with: file.subdata(in: 8..<8 + headerLength)) as? [String: Any] ?? [:]
        var tensorData = file.subdata(in: 8 + headerLength..<file.count)
        switch self {
        case .intact: return file
        case .truncated: return file.prefix(file.count - 100)
        case .shorterThanPrefix: return file.prefix(5)
        case .corruptHeader: return file.prefix(8) + Data("X".utf8) + file.dropFirst(9)
        case .headerLength(let length): return withUnsafeBytes(of: length.littleEndian) { Data($0) } + file.dropFirst(8)
        case .corruptArchitecture:
            var metadata = header["__metadata__"] as? [String: String] ?? [:]
            metadata["architecture"] = #"{"layers": 3}"#
            header["__metadata__"] = metadata
        case .hugeArchitecture:
            var metadata = header["__metadata__"] as? [String: String] ?? [:]
            let architecture = metadata["architecture"] ?? ""
            guard let first = architecture.range(of: #""out_features":8"#) else { return file }
            metadata["architecture"] = architecture.replacingCharacters(in: first, with: #""out_features":4000000"#)
            header["__metadata__"] = metadata
        case .widenedShape:
            header["policy.0.weight"] = Self.entry(header["policy.0.weight"], shape: [8, 5])
        case .overlappingRanges:
            header["policy.0.bias"] = Self.entry(header["policy.0.bias"], offsets: [96, 128])
        case .gapBetweenRanges:
            let gapAt = 160
            for (name, value) in header where name != "__metadata__" {
                guard let offsets = (value as? [String: Any])?["data_offsets"] as? [Int], offsets[0] >= gapAt else { continue }
                header[name] = Self.entry(value, offsets: offsets.map { $0 + 4 })
            }
            tensorData.insert(contentsOf: [0, 0, 0, 0], at: tensorData.startIndex + gapAt)
        case .notANumber:
            let offset = ((header["policy.0.weight"] as? [String: Any])?["data_offsets"] as? [Int])?.first ?? 0
            tensorData.replaceSubrange(
                tensorData.startIndex + offset..<tensorData.startIndex + offset + 4, with: withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { Data($0) })
        }
        let newHeader = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        return withUnsafeBytes(of: UInt64(newHeader.count).littleEndian) { Data($0) } + newHeader + tensorData
    }

    private static func entry(_ value: Any?, shape: [Int]? = nil, offsets: [Int]? = nil) -> [String: Any] {
        var entry = value as? [String: Any] ?? [:]
        if let shape { entry["shape"] = shape }
        if let offsets { entry["data_offsets"] = offsets }
        return entry
    }
}
