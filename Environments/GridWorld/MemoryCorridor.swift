import Dojo

/// A T-maze that needs memory: a cue seen only at the first step says which end holds the goal.
///
/// ## Description
/// The agent starts at the left end of a corridor of `length` cells. Its first observation
/// shows a cue: the goal is up or down at the far end. Along the corridor every cell looks the
/// same, and at the junction (the last cell) the agent sees only that it is there. Moving up or
/// down from the junction enters one of the two ends and ends the episode; the end the cue
/// named pays 1, the other 0. (Bakker, "Reinforcement Learning with Long Short-Term Memory", 2002.)
///
/// A memoryless policy, even a stochastic one, succeeds at most half the time: its choice at
/// the junction depends only on the junction's observation, which is the same whatever the
/// cue, so it enters the up end with the same probability `q` after either cue, and succeeds
/// with probability at most `(q + (1 - q)) / 2 = 1/2`. A policy that remembers the cue
/// succeeds always.
///
/// ## Action Space
/// `Discrete(4)`, as `GridWorld`: 0 left, 1 down, 2 right, 3 up. Moves into the corridor's
/// walls leave the agent in place.
///
/// ## Observation Space
/// `Discrete(5)`:
///
/// | Observation | Meaning                                               |
/// |-------------|-------------------------------------------------------|
/// | 0           | at the start, cue: the goal is up (first step only)   |
/// | 1           | at the start, cue: the goal is down (first step only) |
/// | 2           | in the corridor, before the junction                  |
/// | 3           | at the junction                                       |
/// | 4           | at an end (terminal)                                  |
///
/// ## Rewards
/// 1 for entering the end the cue named, 0 for every other step.
///
/// ## Starting State
/// The left end of the corridor; the cue (up or down) is drawn uniformly, or set by the reset
/// option `goal` (`"up"` or `"down"`).
///
/// ## Episode End
/// Termination on entering either end. Truncation by `make`'s `TimeLimit` (30 steps for
/// `MemoryCorridor-v0`). A step after termination changes nothing, with reward 0.
///
/// ## Rendering
/// `ansi` draws three rows of map letters (`textRendering`); `rgb` draws them as `GridPalette`
/// tiles with the agent's disc and, right after a reset, the cue lit (`rgbFrame`).
///
/// ## Version History
/// - v0: corridor of 5 cells, 30-step limit.
public struct MemoryCorridor: Environment, Sendable {
    public typealias Observation = Int
    public typealias Action = Int

    /// The observation at the start when the goal is up.
    public static let cueUp = 0
    /// The observation at the start when the goal is down.
    public static let cueDown = 1
    /// The observation anywhere in the corridor before the junction, after the first step.
    public static let corridor = 2
    /// The observation at the junction.
    public static let junction = 3
    /// The observation at either end.
    public static let end = 4

    /// The number of corridor cells, the start and the junction included.
    public let length: Int
    public let observationSpace = Discrete(5)
    public let actionSpace = Discrete(4)
    public let metadata = EnvironmentMetadata(renderModes: [.ansi, .rgb], renderFPS: 4)

    /// Whether the goal is the up end in this episode.
    public internal(set) var isGoalUp = true
    /// The agent's column along the corridor, from 0 (start) to `length - 1` (junction).
    public internal(set) var column = 0
    /// The end the agent entered, `nil` while in the corridor.
    public internal(set) var enteredEnd: GridDirection?
    /// The action of the last step, `nil` right after a reset.
    public internal(set) var lastAction: GridDirection?
    var generator = SeededGenerator(seed: 0)

    /// Creates a corridor of `length` cells.
    ///
    /// - Precondition: `length >= 2`, so the cue and the junction are apart.
    public init(length: Int = 5) {
        precondition(length >= 2, "expected a corridor of at least 2 cells, got \(length)")
        self.length = length
    }

    /// Creates a corridor from the registry option `length` (an integer, at least 2).
    public init(options: Options) throws(EnvironmentError) {
        try options.rejectUnknown(["length"])
        let length = try options.integer("length") ?? 5
        guard length >= 2 else {
            throw .invalidOption(name: "length", message: "expected an integer of at least 2, got \(length)")
        }
        self.init(length: length)
    }

    /// Starts at the left end and shows the cue; reset option `goal` (`"up"` or `"down"`) fixes it.
    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Int> {
        if !options.isEmpty {
            // Only when options are given: building the set of names allocates, resets must not.
            try options.rejectUnknown(["goal"])
        }
        if let seed { generator = SeededGenerator(seed: seed) }
        switch try options.string("goal") {
        case nil: isGoalUp = generator.next() & 1 == 0
        case "up": isGoalUp = true
        case "down": isGoalUp = false
        case let other?: throw .invalidOption(name: "goal", message: "expected \"up\" or \"down\", got \(other.debugDescription)")
        }
        column = 0
        enteredEnd = nil
        lastAction = nil
        return Reset(observation: isGoalUp ? Self.cueUp : Self.cueDown)
    }

    /// Moves along the corridor, or into an end from the junction.
    ///
    /// - Precondition: `action` is in 0...3.
    public mutating func step(_ action: Int) -> Step<Int> {
        precondition(actionSpace.contains(action), "expected an action in 0...3 for MemoryCorridor, got \(action)")
        guard let direction = GridDirection(rawValue: action), enteredEnd == nil else {
            return Step(observation: Self.end, reward: 0, terminated: true)
        }
        lastAction = direction
        switch direction {
        case .left: column = max(column - 1, 0)
        case .right: column = min(column + 1, length - 1)
        case .up, .down:
            guard column == length - 1 else { break }
            enteredEnd = direction
            let isGoal = (direction == .up) == isGoalUp
            return Step(observation: Self.end, reward: isGoal ? 1 : 0, terminated: true)
        }
        return Step(observation: column == length - 1 ? Self.junction : Self.corridor, reward: 0, terminated: false)
    }
}
