import Dojo
import Rendering

/// A tiny environment for testing wrappers and vector envs: the observation counts the steps
/// taken, the reward is the action, and the episode terminates after `length` steps.
///
/// Its first observation is drawn from the env's generator (0...9) so seeding is observable.
public struct Countdown: Environment, Sendable {
    public typealias Observation = Int
    public typealias Action = Int

    public let observationSpace = Discrete(1000)
    public let actionSpace = Discrete(3)
    public let metadata = EnvironmentMetadata(renderModes: [.ansi], renderFPS: 4)
    /// Steps until termination.
    public let length: Int
    /// The current count.
    public private(set) var count = 0
    private var stepsTaken = 0
    private var generator = SeededGenerator(seed: 0)

    public init(length: Int = 5) {
        self.length = length
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Int> {
        try options.rejectUnknown(["start"])
        if let seed { generator = SeededGenerator(seed: seed) }
        count = try options.integer("start") ?? Int(generator.next(upperBound: 10 as UInt64))
        stepsTaken = 0
        return Reset(observation: count)
    }

    public mutating func step(_ action: Int) -> Step<Int> {
        count += 1
        stepsTaken += 1
        return Step(observation: count, reward: Double(action), terminated: stepsTaken >= length)
    }

    public func render(_ mode: RenderMode) -> RenderOutput? {
        mode == .ansi ? .text("count \(count)") : nil
    }
}
