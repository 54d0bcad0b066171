import Foundation
import NeuralCore
import Testing

struct SafeTensorsTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("neuralcore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func sampleFile() -> SafeTensors {
        SafeTensors(
            tensors: [("0.weight", Tensor(shape: [2, 3], scalars: [1, -2, 3.5, 0, 1e-7, -1e7])), ("0.bias", Tensor([0.25, -0.5]))],
            metadata: ["env": "CartPole-v1", "note": "quote \" and \\ backslash"])
    }

    @Test func encodeDecodeRoundTrip() throws {
        let file = sampleFile()
        let decoded = try SafeTensors(data: file.encoded())
        #expect(decoded == file)
        #expect(decoded["0.bias"] == Tensor([0.25, -0.5]))
    }

    @Test func layoutFollowsTheFormat() throws {
        let data = SafeTensors(tensors: [("x", Tensor([1]))]).encoded()
        let headerLength = Int(data[0]) | Int(data[1]) << 8
        #expect(headerLength % 8 == 0)
        let header = String(decoding: data[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix(#"{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#))
        #expect(Array(data.suffix(4)) == [0x00, 0x00, 0x80, 0x3F])
    }

    @Test func truncatedDataNamesTheTensor() {
        let data = sampleFile().encoded().dropLast(3)
        #expect(throws: SafeTensorsError.dataOutOfBounds(tensor: "0.bias", begin: 24, end: 32, dataSize: 29)) {
            try SafeTensors(data: Data(data))
        }
    }

    @Test func hugeHeaderLengthIsRejectedWithoutAllocating() {
        var data = Data(repeating: 0xFF, count: 8)
        data.append(contentsOf: Array("{}".utf8))
        #expect(throws: SafeTensorsError.headerTooLarge(declared: UInt64.max, available: 2)) { try SafeTensors(data: data) }
        #expect(throws: SafeTensorsError.truncatedPrefix(byteCount: 3)) { try SafeTensors(data: Data([1, 2, 3])) }
    }

    @Test func corruptHeadersAreTypedErrors() {
        func file(_ header: String, dataBytes: Int = 0) -> Data {
            var bytes = Array(header.utf8)
            var data = Data()
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: bytes)
            bytes = Array(repeating: 0, count: dataBytes)
            data.append(contentsOf: bytes)
            return data
        }
        #expect(throws: SafeTensorsError.invalidHeader(reason: "not valid JSON")) { try SafeTensors(data: file("{nope")) }
        #expect(throws: SafeTensorsError.unsupportedDType(tensor: "w", dtype: "F16")) {
            try SafeTensors(data: file(#"{"w":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#, dataBytes: 2))
        }
        #expect(throws: SafeTensorsError.byteCountMismatch(tensor: "w", shape: [3], expected: 12, found: 8)) {
            try SafeTensors(data: file(#"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, dataBytes: 8))
        }
        #expect(throws: SafeTensorsError.self) {
            try SafeTensors(data: file(#"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}}"#, dataBytes: 8))
        }
        // The ranges must tile the data section, as the reference implementation checks.
        #expect(throws: SafeTensorsError.dataRangesNotContiguous(tensor: "b", begin: 4, expected: 8)) {
            try SafeTensors(data: file(
                #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, dataBytes: 12))
        }
        #expect(throws: SafeTensorsError.dataRangesNotContiguous(tensor: "b", begin: 12, expected: 8)) {
            try SafeTensors(data: file(
                #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[12,16]}}"#, dataBytes: 16))
        }
        #expect(throws: SafeTensorsError.dataRangesNotContiguous(tensor: "a", begin: 4, expected: 0)) {
            try SafeTensors(data: file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, dataBytes: 8))
        }
        #expect(throws: SafeTensorsError.unusedData(used: 4, dataSize: 12)) {
            try SafeTensors(data: file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, dataBytes: 12))
        }
        #expect(throws: SafeTensorsError.dataRangesNotContiguous(tensor: "b", begin: 0, expected: 4)) {
            try SafeTensors(data: file(
                #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, dataBytes: 4))
        }
        let empty = try? SafeTensors(data: file(
            #"{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, dataBytes: 4))
        #expect(empty?["b"] == Tensor([0]), "an empty tensor takes no bytes")
    }

    @Test func moduleSaveAndLoad() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SplitMix64(seed: 1)
        let model = Sequential([Linear(inputSize: 3, outputSize: 4, using: &generator), ReLU(), Linear(inputSize: 4, outputSize: 2, using: &generator)])
        let url = directory.appendingPathComponent("model.safetensors")
        try model.save(to: url, metadata: ["architecture": "[3,4,2]"])
        try model.save(to: url, metadata: ["architecture": "[3,4,2]"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.safetensors"])
        let copy = Sequential([Linear(inputSize: 3, outputSize: 4, using: &generator), ReLU(), Linear(inputSize: 4, outputSize: 2, using: &generator)])
        try copy.load(from: url)
        #expect(copy.parameters.map(\.value) == model.parameters.map(\.value))
        #expect(try SafeTensors(contentsOf: url).metadata == ["architecture": "[3,4,2]"])
    }

    @Test func shapeMismatchAndMissingTensorsNameTheTensor() throws {
        var generator = SplitMix64(seed: 2)
        let small = Sequential([Linear(inputSize: 3, outputSize: 4, using: &generator)])
        let large = Sequential([Linear(inputSize: 5, outputSize: 4, using: &generator)])
        let before = large.parameters.map(\.value)
        #expect(throws: SafeTensorsError.shapeMismatch(tensor: "0.weight", expected: [4, 5], found: [4, 3])) {
            try large.load(small.state())
        }
        #expect(large.parameters.map(\.value) == before)
        #expect(throws: SafeTensorsError.missingTensor(name: "0.bias")) {
            try small.load(SafeTensors(tensors: [("0.weight", Tensor.zeros([4, 3]))]))
        }
        #expect(SafeTensorsError.shapeMismatch(tensor: "0.weight", expected: [4, 5], found: [4, 3]).description.contains("0.weight"))
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: SafeTensorsError.self) {
            try SafeTensors(contentsOf: URL(fileURLWithPath: "/nonexistent/neuralcore.safetensors"))
        }
    }
}
