import Rendering

/// A reinforcement-learning environment with Gymnasium's semantics.
///
/// `reset(seed:options:)` starts an episode and returns its first observation;
/// `step(_:)` applies an action and returns the next observation, the reward, and whether the
/// episode ended inside the task (`terminated`: the MDP reached a terminal state) or was cut
/// from outside (`truncated`: a time limit). An agent must call `reset` again after either.
///
/// Environments are values: a copy is an independent environment with the same state, which is
/// how vector environments and learners make copies of an environment they know only by id
/// (``EnvironmentRegistry/open(id:options:with:)``).
///
/// Seeding is Gymnasium's: `reset(seed:)` reseeds the environment's own generator, and a later
/// `reset()` without a seed continues that generator's stream. An environment that was never
/// given a seed behaves as if seeded with 0, so every run is reproducible.
///
/// ```swift
/// var env = try registry.make(id: "CartPole-v1")
/// var (observation, _) = try env.reset(seed: 42)
/// ```
public protocol Environment<Observation, Action> {
    /// What the agent sees.
    associatedtype Observation
    /// What the agent does.
    associatedtype Action
    /// The space of observations.
    associatedtype ObservationSpace: Space where ObservationSpace.Element == Observation
    /// The space of actions.
    associatedtype ActionSpace: Space where ActionSpace.Element == Action

    /// The set every observation lies in.
    var observationSpace: ObservationSpace { get }
    /// The set every valid action lies in.
    var actionSpace: ActionSpace { get }
    /// Render modes and frame rate.
    var metadata: EnvironmentMetadata { get }

    /// Starts a new episode.
    ///
    /// - Parameters:
    ///   - seed: reseeds the environment's generator when given; otherwise its stream goes on.
    ///   - options: environment-specific settings for this episode (for example CartPole's `state`).
    /// - Returns: the first observation and extra information.
    /// - Throws: `EnvironmentError.invalidOption` when an option is unknown or malformed.
    mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation>

    /// Applies `action` and advances the episode by one step.
    ///
    /// - Precondition: `actionSpace.contains(action)`.
    mutating func step(_ action: Action) -> Step<Observation>

    /// The current state drawn in `mode`, or `nil` when the environment does not support it.
    func render(_ mode: RenderMode) -> RenderOutput?

    /// Releases what the environment holds (windows, files). Stepping afterwards is an error.
    mutating func close()

    /// The innermost environment, under every wrapper.
    var unwrapped: any Environment { get }

    /// Whether some actions can be illegal (board games): learners then read
    /// ``writeActionMask(into:)`` before choosing.
    var masksActions: Bool { get }

    /// Writes which actions are legal now, one flag per action index (``Space/indexCount``),
    /// into `mask`; an environment without a mask sets every flag. Allocates nothing, so vector
    /// environments call it on every step.
    ///
    /// - Precondition: `mask` has one element per action index.
    func writeActionMask(into mask: UnsafeMutableBufferPointer<Bool>)

    /// Whether the environment can tell a successful episode (a goal reached, a game won), so
    /// evaluation reports a success rate.
    var reportsSuccess: Bool { get }

    /// Whether the episode so far counts as a success; read at its end.
    var isSuccess: Bool { get }

    /// What changes as the environment runs, for a checkpoint that resumes a run exactly, or
    /// `nil` when the environment cannot save it.
    func saveState() -> EnvironmentState?

    /// Returns the environment to a state ``saveState()`` gave, so its next steps are the ones
    /// it would have taken.
    ///
    /// - Throws: ``EnvironmentError/invalidState(environment:reason:)`` when the state is not
    ///   this environment's, or the environment cannot restore one.
    mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError)
}

extension Environment {
    /// Starts a new episode with no options; see `reset(seed:options:)`.
    public mutating func reset(seed: UInt64? = nil) throws(EnvironmentError) -> Reset<Observation> {
        try reset(seed: seed, options: [:])
    }

    public mutating func close() {}

    public var unwrapped: any Environment { self }

    /// No mask by default.
    public var masksActions: Bool { false }

    /// Every action legal by default.
    public func writeActionMask(into mask: UnsafeMutableBufferPointer<Bool>) {
        mask.update(repeating: true)
    }

    /// No notion of success by default.
    public var reportsSuccess: Bool { false }

    /// Never a success by default.
    public var isSuccess: Bool { false }

    /// No saved state by default.
    public func saveState() -> EnvironmentState? { nil }

    /// Refuses by default: the environment cannot save a state.
    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        throw .invalidState(environment: "\(Self.self)", reason: "this environment cannot restore a saved state")
    }

    /// The legal actions now, one flag per action index, or `nil` when the environment does not
    /// mask (allocates; stepping loops use ``writeActionMask(into:)``).
    public var legalActionMask: [Bool]? {
        guard masksActions, let count = actionSpace.indexCount else { return nil }
        return [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
            writeActionMask(into: buffer)
            initialized = count
        }
    }
}

/// Reset options and registry defaults: named JSON values, as Gymnasium's `options` dict.
public typealias Options = [String: JSONValue]

/// Extra information from `reset` and `step`, as Gymnasium's `info` dict.
public typealias Info = [String: JSONValue]

/// What `reset` returns: the first observation of an episode and extra information.
public struct Reset<Observation> {
    /// The first observation.
    public var observation: Observation
    /// Extra information.
    public var info: Info

    /// Bundles an observation with its information.
    @inlinable
    public init(observation: Observation, info: Info = Info()) {
        self.observation = observation
        self.info = info
    }
}

extension Reset: Sendable where Observation: Sendable {}

/// What `step` returns, as Gymnasium's five-tuple.
public struct Step<Observation> {
    /// The observation after the action.
    public var observation: Observation
    /// The reward for the transition.
    public var reward: Double
    /// Whether the MDP reached a terminal state; bootstrapping must stop here.
    public var terminated: Bool
    /// Whether the episode was cut from outside (a time limit); the state is not terminal.
    public var truncated: Bool
    /// Extra information.
    public var info: Info

    /// Bundles the parts of a step.
    ///
    /// Inlinable, like the other members on the stepping path: an environment in another
    /// module would otherwise build every step through generic metadata look-ups.
    @inlinable
    public init(observation: Observation, reward: Double, terminated: Bool, truncated: Bool = false, info: Info = Info()) {
        self.observation = observation
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
        self.info = info
    }

    /// Whether the episode is over, either way.
    @inlinable
    public var isDone: Bool { terminated || truncated }
}

extension Step: Sendable where Observation: Sendable {}

/// The ways an environment can draw itself.
public enum RenderMode: String, Sendable, CaseIterable, Codable {
    /// Text for a terminal.
    case ansi
    /// An RGB `Frame`.
    case rgb
}

/// A drawing of the current state.
public enum RenderOutput: Sendable, Equatable {
    /// Text, for `RenderMode.ansi`.
    case text(String)
    /// A picture, for `RenderMode.rgb`.
    case frame(Frame)
}

/// What an environment supports for display.
public struct EnvironmentMetadata: Sendable, Equatable {
    /// The render modes `render(_:)` answers.
    public var renderModes: [RenderMode]
    /// The frames per second at which an episode is meant to be shown.
    public var renderFPS: Int

    /// Creates metadata.
    public init(renderModes: [RenderMode], renderFPS: Int) {
        self.renderModes = renderModes
        self.renderFPS = renderFPS
    }
}

extension Environment {
    /// The observation space described as JSON.
    public var observationSpaceDescription: JSONValue { observationSpace.jsonDescription }
    /// The action space described as JSON.
    public var actionSpaceDescription: JSONValue { actionSpace.jsonDescription }
}
