/// Why an event file could not be created or written, naming the path and the system's reason.
public enum TensorBoardError: Error, Equatable, CustomStringConvertible {
    /// The folder for the event file could not be created.
    case folderNotCreated(path: String, reason: String)
    /// The event file could not be created; an existing file is never overwritten.
    case fileNotCreated(path: String, reason: String)
    /// Bytes could not be written to the event file or the file could not be closed.
    ///
    /// `unwrittenBytes` are kept by the writer in order and written before anything else on its
    /// next call, so a passing problem (a full disk that is cleared) loses no records.
    case writeFailed(path: String, reason: String, unwrittenBytes: Int)

    /// A one-line explanation naming the path.
    public var description: String {
        switch self {
        case let .folderNotCreated(path, reason):
            "tensorboard: cannot create the folder \(path): \(reason)"
        case let .fileNotCreated(path, reason):
            "tensorboard: cannot create the event file \(path): \(reason)"
        case let .writeFailed(path, reason, unwrittenBytes):
            "tensorboard: cannot write to \(path): \(reason) (\(unwrittenBytes) bytes kept to retry on the next write)"
        }
    }
}
