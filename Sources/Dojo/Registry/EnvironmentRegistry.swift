/// The table of environments by id, as Gymnasium's registry, with `make(id:)`.
///
/// A registry is a value: build one with `register`, or use the one the Environments module
/// provides with every Dojo environment. There is no global registry.
///
/// ```swift
/// var registry = EnvironmentRegistry()
/// registry.register(id: "Coin-v0", maxEpisodeSteps: 10) { _ in CoinFlip() }
/// var env = try registry.make(id: "Coin-v0")
/// ```
public struct EnvironmentRegistry: Sendable {
    private var specs: [String: EnvironmentSpec] = [:]

    /// An empty registry.
    public init() {}

    /// Adds `spec`, replacing any spec with the same id.
    public mutating func register(_ spec: EnvironmentSpec) {
        specs[spec.id] = spec
    }

    /// Registers the environment made by `entryPoint` under `id`, as Gymnasium's `register`.
    ///
    /// - Parameters:
    ///   - id: `Name-vN`, or a name without version.
    ///   - maxEpisodeSteps: the step limit `make` applies with `TimeLimit`, if any.
    ///   - rewardThreshold: the average return at which the task counts as solved, if defined.
    ///   - defaultOptions: options used unless the caller of `make` overrides them.
    ///   - entryPoint: builds the bare environment from the merged options.
    public mutating func register(
        id: String, maxEpisodeSteps: Int? = nil, rewardThreshold: Double? = nil, defaultOptions: Options = [:],
        summary: String = "", entryPoint: @escaping @Sendable (Options) throws(EnvironmentError) -> any Environment
    ) {
        register(EnvironmentSpec(
            id: id, maxEpisodeSteps: maxEpisodeSteps, rewardThreshold: rewardThreshold,
            defaultOptions: defaultOptions, summary: summary, entryPoint: entryPoint))
    }

    /// Every registered spec, sorted by id.
    public var all: [EnvironmentSpec] {
        specs.values.sorted { $0.id < $1.id }
    }

    /// The spec for `id`.
    ///
    /// An id without a version finds the highest registered version of that name, so
    /// `CartPole` means `CartPole-v1`.
    ///
    /// - Throws: `EnvironmentError.unknownID` naming the closest registered ids.
    public func spec(_ id: String) throws(EnvironmentError) -> EnvironmentSpec {
        if let spec = specs[id] { return spec }
        let wanted = EnvironmentID(id)
        if wanted.version == nil,
           let latest = specs.values.filter({ $0.name == wanted.name }).max(by: { ($0.version ?? -1) < ($1.version ?? -1) })
        {
            return latest
        }
        throw .unknownID(id, suggestions: closestIDs(to: id))
    }

    /// Makes the environment registered as `id`, wrapped as Gymnasium's `make` does:
    /// `OrderEnforcing`, then `TimeLimit` with the registered (or given) step limit.
    ///
    /// - Parameters:
    ///   - options: override the registered default options.
    ///   - maxEpisodeSteps: overrides the registered step limit.
    /// - Throws: `EnvironmentError` for an unknown id or invalid options.
    public func make(id: String, options: Options = [:], maxEpisodeSteps: Int? = nil) throws(EnvironmentError) -> any Environment {
        let spec = try spec(id)
        let merged = spec.defaultOptions.merging(options) { _, given in given }
        let environment = try spec.entryPoint(merged)
        return Self.wrapped(environment, maxEpisodeSteps: maxEpisodeSteps ?? spec.maxEpisodeSteps)
    }

    private static func wrapped<E: Environment>(_ environment: E, maxEpisodeSteps: Int?) -> any Environment {
        let ordered = OrderEnforcing(environment)
        guard let maxEpisodeSteps else { return ordered }
        return TimeLimit(ordered, maxEpisodeSteps: maxEpisodeSteps)
    }

    private func closestIDs(to id: String) -> [String] {
        let lowered = id.lowercased()
        let scored = specs.keys.map { key in (key, editDistance(lowered, key.lowercased())) }
        guard let best = scored.map(\.1).min(), best <= max(3, id.count / 2) else { return [] }
        return scored.filter { $0.1 == best }.map(\.0).sorted()
    }
}

/// The Levenshtein distance between two strings, by characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
