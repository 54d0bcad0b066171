/// A per-parameter optimizer state that can be written to a checkpoint and read back exactly:
/// its buffers as tensors and its counter as an integer.
public protocol CheckpointableState {
    /// The state's buffers by short name (`"first_moment"`); absent buffers are left out.
    var buffers: [(key: String, tensor: Tensor)] { get }
    /// The update count (Adam's `t`), 0 for states without one.
    var counter: Int { get }
    /// The state from its buffers and counter, for a parameter shaped `shape`.
    /// - Throws: a reason when a buffer is missing or shaped wrongly.
    init(buffers: [String: Tensor], counter: Int, shape: [Int]) throws(CheckpointError)
}

/// Why a buffer of an optimizer checkpoint cannot be used.
public struct CheckpointError: Error, Equatable, CustomStringConvertible {
    /// What was wrong.
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

extension CheckpointableState {
    /// The buffer `key`, checked against the parameter's shape.
    static func buffer(_ key: String, in buffers: [String: Tensor], shape: [Int]) throws(CheckpointError) -> Tensor {
        guard let tensor = buffers[key] else { throw CheckpointError("missing buffer \"\(key)\"") }
        guard tensor.shape == shape else { throw CheckpointError("buffer \"\(key)\" has shape \(tensor.shape), the parameter \(shape)") }
        return tensor
    }
}

extension AdamState: CheckpointableState {
    public var buffers: [(key: String, tensor: Tensor)] { [("first_moment", firstMoment), ("second_moment", secondMoment)] }
    public var counter: Int { step }

    public init(buffers: [String: Tensor], counter: Int, shape: [Int]) throws(CheckpointError) {
        self.init(firstMoment: try Self.buffer("first_moment", in: buffers, shape: shape),
                  secondMoment: try Self.buffer("second_moment", in: buffers, shape: shape), step: counter)
    }
}

extension RMSPropState: CheckpointableState {
    public var buffers: [(key: String, tensor: Tensor)] { [("square_average", squareAverage)] }
    public var counter: Int { 0 }

    public init(buffers: [String: Tensor], counter: Int, shape: [Int]) throws(CheckpointError) {
        self.init(squareAverage: try Self.buffer("square_average", in: buffers, shape: shape))
    }
}

extension SGDState: CheckpointableState {
    public var buffers: [(key: String, tensor: Tensor)] { momentumBuffer.map { [("momentum_buffer", $0)] } ?? [] }
    public var counter: Int { 0 }

    public init(buffers: [String: Tensor], counter: Int, shape: [Int]) throws(CheckpointError) {
        self.init(momentumBuffer: buffers["momentum_buffer"] == nil ? nil : try Self.buffer("momentum_buffer", in: buffers, shape: shape))
    }
}
