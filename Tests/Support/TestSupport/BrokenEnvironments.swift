import Dojo

/// An environment that breaks the contract by returning observations outside its space.
public struct OutOfSpaceEnvironment: Environment, Sendable {
    public let observationSpace = Discrete(3)
    public let actionSpace = Discrete(2)
    public let metadata = EnvironmentMetadata(renderModes: [], renderFPS: 1)
    private var count = 0

    public init() {}

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Int> {
        count = 0
        return Reset(observation: 0)
    }

    public mutating func step(_ action: Int) -> Step<Int> {
        count += 1
        return Step(observation: count, reward: 0, terminated: count >= 10)
    }

    public func render(_ mode: RenderMode) -> RenderOutput? { nil }
}

/// An environment that breaks the contract by ignoring its seed: the start comes from a counter
/// that advances on every reset, so the same seed gives different trajectories.
public struct SeedIgnoringEnvironment: Environment, Sendable {
    public let observationSpace = Discrete(100)
    public let actionSpace = Discrete(2)
    public let metadata = EnvironmentMetadata(renderModes: [.ansi], renderFPS: 1)
    private var resets = 0
    private var position = 0

    public init() {}

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Int> {
        resets += 1
        position = resets % 50
        return Reset(observation: position)
    }

    public mutating func step(_ action: Int) -> Step<Int> {
        position = min(99, position + action)
        return Step(observation: position, reward: 1, terminated: false)
    }

    public func render(_ mode: RenderMode) -> RenderOutput? {
        mode == .ansi ? .text("") : nil
    }
}
