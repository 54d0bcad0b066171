/// Stacks the last `stackSize` observations, as Gymnasium's `FrameStackObservation`.
///
/// The observation is a `[Float]` of shape `[stackSize] + shape`, oldest first, where `shape`
/// is the base's Box shape (or its flat length for other spaces). After a reset the stack is
/// filled with copies of the first observation, Gymnasium's default `padding_type="reset"`.
public struct FrameStack<Base: Environment>: Wrapper {
    public typealias Observation = [Float]
    public typealias Action = Base.Action
    public typealias ObservationSpace = Box<[Float]>
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    public let observationSpace: Box<[Float]>
    /// How many observations are stacked.
    public let stackSize: Int
    private var stack: [Float]

    /// Wraps `base`, stacking `stackSize` observations.
    ///
    /// - Precondition: `stackSize > 0`.
    public init(_ base: Base, stackSize: Int) {
        precondition(stackSize > 0, "expected a positive stack size, got \(stackSize)")
        self.base = base
        self.stackSize = stackSize
        let flat = base.observationSpace.flattenedSpace
        let frameShape = (base.observationSpace as? any BoxShaped)?.boxShape ?? flat.shape
        observationSpace = Box(
            low: Array([[Float]](repeating: flat.low, count: stackSize).joined()),
            high: Array([[Float]](repeating: flat.high, count: stackSize).joined()),
            shape: [stackSize] + frameShape)
        stack = [Float](repeating: 0, count: stackSize * flat.count)
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<[Float]> {
        let result = try base.reset(seed: seed, options: options)
        let frame = base.observationSpace.flattened(result.observation)
        for slot in 0..<stackSize {
            stack.replaceSubrange(slot * frame.count..<(slot + 1) * frame.count, with: frame)
        }
        return Reset(observation: stack, info: result.info)
    }

    public mutating func step(_ action: Action) -> Step<[Float]> {
        let result = base.step(action)
        let frameSize = base.observationSpace.flatDimension, space = base.observationSpace, stackSize = stackSize
        stack.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<(stackSize - 1) * frameSize {
                buffer[index] = buffer[index + frameSize]
            }
            space.flatten(
                result.observation,
                into: UnsafeMutableBufferPointer(rebasing: buffer[(stackSize - 1) * frameSize..<stackSize * frameSize]))
        }
        return Step(
            observation: stack, reward: result.reward,
            terminated: result.terminated, truncated: result.truncated, info: result.info)
    }

    /// The stacked frames, with the base's state.
    public func saveState() -> EnvironmentState? { saveState(own: stack) }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let frames = try restoreState(state, own: [Float].self)
        guard frames.count == stack.count else {
            throw .invalidState(environment: "FrameStack", reason: "expected \(stack.count) stacked values, got \(frames.count)")
        }
        stack = frames
    }
}

/// A space with a multi-dimensional shape, so stacking keeps the frame's shape.
protocol BoxShaped {
    var boxShape: [Int] { get }
}

extension Box: BoxShaped {
    var boxShape: [Int] { shape }
}
