/// Why a safetensors file could not be read, written or loaded into a module.
///
/// Every case names the file section or tensor at fault and what was expected, so the
/// message can be shown to a person as is.
public enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The file is shorter than its 8-byte header-length prefix.
    case truncatedPrefix(byteCount: Int)
    /// The declared header length exceeds the bytes present (or the 100 MB header cap).
    case headerTooLarge(declared: UInt64, available: Int)
    /// The header is not a JSON object of the safetensors form.
    case invalidHeader(reason: String)
    /// A tensor's dtype is not `F32`, the only one NeuralCore stores.
    case unsupportedDType(tensor: String, dtype: String)
    /// A tensor's `data_offsets` lie outside the data section or are reversed.
    case dataOutOfBounds(tensor: String, begin: Int, end: Int, dataSize: Int)
    /// The tensors' byte ranges, in order, do not tile the data section: a range starts
    /// before the previous one ends (overlap) or after it (a gap), as the reference
    /// implementation refuses.
    case dataRangesNotContiguous(tensor: String, begin: Int, expected: Int)
    /// Bytes at the end of the data section belong to no tensor.
    case unusedData(used: Int, dataSize: Int)
    /// A tensor's byte range does not hold exactly `shape` F32 elements.
    case byteCountMismatch(tensor: String, shape: [Int], expected: Int, found: Int)
    /// A module parameter has no tensor of that name in the file.
    case missingTensor(name: String)
    /// A tensor in the file has a different shape from the module parameter of the same name.
    case shapeMismatch(tensor: String, expected: [Int], found: [Int])
    /// The file's model architecture is missing or cannot be built.
    case invalidArchitecture(reason: String)

    /// A one-line explanation naming the tensor or section and what was expected.
    public var description: String {
        switch self {
        case let .io(path, reason):
            "safetensors: \(path): \(reason)"
        case let .truncatedPrefix(byteCount):
            "safetensors: expected at least 8 bytes for the header length, got \(byteCount)"
        case let .headerTooLarge(declared, available):
            "safetensors: header declares \(declared) bytes, but only \(available) are available"
        case let .invalidHeader(reason):
            "safetensors: invalid header: \(reason)"
        case let .unsupportedDType(tensor, dtype):
            "safetensors: tensor '\(tensor)' has dtype \(dtype), expected F32"
        case let .dataOutOfBounds(tensor, begin, end, dataSize):
            "safetensors: tensor '\(tensor)' data_offsets [\(begin), \(end)] lie outside the \(dataSize)-byte data section (truncated file?)"
        case let .dataRangesNotContiguous(tensor, begin, expected):
            "safetensors: tensor '\(tensor)' data starts at byte \(begin), expected \(expected) (\(begin < expected ? "overlaps the tensor before it" : "leaves a gap"))"
        case let .unusedData(used, dataSize):
            "safetensors: the tensors use \(used) of the \(dataSize)-byte data section; the rest belongs to none"
        case let .byteCountMismatch(tensor, shape, expected, found):
            "safetensors: tensor '\(tensor)' of shape \(shape) needs \(expected) bytes, its data_offsets span \(found)"
        case let .missingTensor(name):
            "safetensors: expected a tensor named '\(name)', none in file"
        case let .shapeMismatch(tensor, expected, found):
            "safetensors: tensor '\(tensor)' expected shape \(expected), got \(found)"
        case let .invalidArchitecture(reason):
            "safetensors: cannot rebuild the model from __metadata__: \(reason)"
        }
    }
}
