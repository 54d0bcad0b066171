extension DecodingError {
    /// A one-line account of what did not decode and where ("missing key 'type' at layers[0]",
    /// "expected Int at net_arch[1]"), for error messages people read, in place of the
    /// type's debug dump.
    public var summary: String {
        switch self {
        case let .keyNotFound(key, context): "missing key '\(key.stringValue)'\(Self.place(context))"
        case let .typeMismatch(type, context): "expected \(type)\(Self.place(context))"
        case let .valueNotFound(type, context): "expected \(type), got null\(Self.place(context))"
        case .dataCorrupted(let context): "\(context.debugDescription)\(Self.place(context))"
        @unknown default: "\(self)"
        }
    }

    private static func place(_ context: Context) -> String {
        let path = context.codingPath.reduce(into: "") { path, key in
            if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return path.isEmpty ? "" : " at \(path)"
    }
}
