/// Why an image file could not be written or read. Every case names the file (or the data
/// source) it is about, so a message shown to a person says where the problem is.
public enum ImageFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be created, written or moved into place; `reason` is the system's.
    case cannotWrite(path: String, reason: String)
    /// The file could not be opened or read; `reason` is the system's.
    case cannotRead(path: String, reason: String)
    /// The bytes are not a well-formed image of the expected format.
    case malformed(path: String, reason: String)
    /// The image is well-formed but uses a feature this reader does not handle.
    case unsupported(path: String, reason: String)

    /// The file or data source the error is about.
    public var path: String {
        switch self {
        case .cannotWrite(let path, _), .cannotRead(let path, _),
             .malformed(let path, _), .unsupported(let path, _):
            path
        }
    }

    /// A one-line message naming the file and what went wrong.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .malformed(let path, let reason): "\(path) is not a valid image: \(reason)"
        case .unsupported(let path, let reason): "\(path) uses an unsupported feature: \(reason)"
        }
    }
}
