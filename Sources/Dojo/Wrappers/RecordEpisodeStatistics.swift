import Foundation

/// Records each episode's return, length and duration, as Gymnasium's `RecordEpisodeStatistics`.
///
/// On the step that ends an episode, `info["episode"]` holds `{"r": return, "l": length,
/// "t": seconds}` (Gymnasium's keys), and the last `bufferLength` returns and lengths are kept
/// in `returnQueue` and `lengthQueue` for running averages.
public struct RecordEpisodeStatistics<Base: Environment>: Wrapper {
    public typealias Observation = Base.Observation
    public typealias Action = Base.Action
    public typealias ObservationSpace = Base.ObservationSpace
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    /// How many finished episodes the queues keep.
    public let bufferLength: Int
    /// Returns of the most recent finished episodes, oldest first.
    public private(set) var returnQueue: [Double] = []
    /// Lengths of the most recent finished episodes, oldest first.
    public private(set) var lengthQueue: [Int] = []
    /// Finished episodes since construction.
    public private(set) var episodeCount = 0
    /// The return of the episode in progress so far.
    public private(set) var episodeReturn = 0.0
    /// The length of the episode in progress so far.
    public private(set) var episodeLength = 0
    private var episodeStart = ContinuousClock.now

    /// Wraps `base`, keeping statistics of the last `bufferLength` episodes.
    public init(_ base: Base, bufferLength: Int = 100) {
        precondition(bufferLength > 0, "expected a positive buffer length, got \(bufferLength)")
        self.base = base
        self.bufferLength = bufferLength
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        let result = try base.reset(seed: seed, options: options)
        episodeReturn = 0
        episodeLength = 0
        episodeStart = .now
        return result
    }

    public mutating func step(_ action: Action) -> Step<Observation> {
        var result = base.step(action)
        episodeReturn += result.reward
        episodeLength += 1
        if result.isDone {
            let elapsed = episodeStart.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            result.info["episode"] = [
                "r": .number(episodeReturn),
                "l": .number(Double(episodeLength)),
                "t": .number((seconds * 1e6).rounded() / 1e6),
            ]
            episodeCount += 1
            returnQueue.append(episodeReturn)
            lengthQueue.append(episodeLength)
            if returnQueue.count > bufferLength {
                returnQueue.removeFirst()
                lengthQueue.removeFirst()
            }
        }
        return result
    }

    /// The statistics so far (the episode's wall-clock start excepted), with the base's state.
    private struct Statistics: Codable, Sendable {
        var returns: [Double]
        var lengths: [Int]
        var count: Int
        var episodeReturn: Double
        var episodeLength: Int
    }

    public func saveState() -> EnvironmentState? {
        saveState(own: Statistics(
            returns: returnQueue, lengths: lengthQueue, count: episodeCount, episodeReturn: episodeReturn, episodeLength: episodeLength))
    }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let statistics = try restoreState(state, own: Statistics.self)
        (returnQueue, lengthQueue, episodeCount) = (statistics.returns, statistics.lengths, statistics.count)
        (episodeReturn, episodeLength, episodeStart) = (statistics.episodeReturn, statistics.episodeLength, .now)
    }
}
