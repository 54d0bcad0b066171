/// Why a model could not be exported to ONNX.
public enum ONNXExportError: Error, Equatable, CustomStringConvertible {
    /// A layer has no ONNX equivalent in this exporter; `path` is its position (`"2"`, `"1.0"`).
    case unsupportedLayer(path: String, type: String)
    /// The protobuf could not be encoded or the file could not be written.
    case io(path: String, reason: String)

    /// A one-line explanation naming the layer or file.
    public var description: String {
        switch self {
        case let .unsupportedLayer(path, type):
            "onnx export: layer \(path) (\(type)) has no ONNX mapping; expected Linear, Conv2D, MaxPool2D, AvgPool2D, Flatten, Dropout, Sequential or an activation"
        case let .io(path, reason):
            "onnx export: cannot write \(path): \(reason)"
        }
    }
}
