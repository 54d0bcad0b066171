import Foundation

/// How to make one registered environment, as Gymnasium's `EnvSpec`.
public struct EnvironmentSpec: Sendable {
    /// The id, `Name-vN` (the version suffix is optional).
    public let id: String
    /// Builds the bare environment from its options (defaults merged with the caller's).
    public let entryPoint: @Sendable (Options) throws(EnvironmentError) -> any Environment
    /// The step limit `make` applies with `TimeLimit`, if any.
    public let maxEpisodeSteps: Int?
    /// The average return at which the task counts as solved, if defined.
    public let rewardThreshold: Double?
    /// Options used unless the caller overrides them.
    public let defaultOptions: Options
    /// One line on what the environment is.
    public let summary: String

    /// Describes an environment for a registry.
    public init(
        id: String, maxEpisodeSteps: Int? = nil, rewardThreshold: Double? = nil,
        defaultOptions: Options = [:], summary: String = "",
        entryPoint: @escaping @Sendable (Options) throws(EnvironmentError) -> any Environment
    ) {
        self.id = id
        self.entryPoint = entryPoint
        self.maxEpisodeSteps = maxEpisodeSteps
        self.rewardThreshold = rewardThreshold
        self.defaultOptions = defaultOptions
        self.summary = summary
    }

    /// The name part of the id, without `-vN`.
    public var name: String { EnvironmentID(id).name }
    /// The version of the id, if it has one.
    public var version: Int? { EnvironmentID(id).version }
}

/// An id split into name and version: `CartPole-v1` is name `CartPole`, version 1.
struct EnvironmentID {
    let name: String
    let version: Int?

    init(_ id: String) {
        if let range = id.range(of: "-v", options: .backwards),
           let version = Int(id[range.upperBound...]), version >= 0,
           !id[range.upperBound...].contains("+")
        {
            name = String(id[..<range.lowerBound])
            self.version = version
        } else {
            name = id
            version = nil
        }
    }
}
