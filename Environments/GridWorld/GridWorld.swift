import Dojo

/// A grid world on a `GridMap`: Gymnasium's FrozenLake generalised with walls, slip and
/// reward options, random maps and several observation modes.
///
/// ## Description
/// The agent walks on a grid from a start cell to a goal cell without falling into a hole
/// (Gymnasium's FrozenLake). The floor may be slippery: the agent then moves in the intended
/// direction only with probability `successRate` (1/3 by default) and otherwise in one of the
/// two perpendicular directions. Walls (`#`) and the map's edge block movement. Maps are read
/// from the text format documented on `GridMap`, chosen by name, or generated at random.
///
/// ## Action Space
/// `Discrete(4)`: 0 moves left, 1 down, 2 right, 3 up (`GridDirection`).
///
/// ## Observation Space
/// Chosen by the type parameter (the registry's `observation` option):
///
/// | Mode      | Encoding              | Space                                  | Meaning                           |
/// |-----------|-----------------------|----------------------------------------|-----------------------------------|
/// | `index`   | `IndexEncoding`       | `Discrete(rows * columns)`             | `row * columns + column`          |
/// | `onehot`  | `OneHotEncoding`      | `Box` [rows * columns] in [0, 1]       | 1 at the agent's cell             |
/// | `planes`  | `PlanesEncoding`      | `Box` [4, rows, columns] in [0, 1]     | agent, wall, hole, goal planes    |
/// | `partial` | `PartialViewEncoding` | `Box` [3, k, k] in [0, 1]              | wall, hole, goal around the agent |
///
/// ## Rewards
/// Entering a goal gives `goalReward` (1), entering a hole `holeReward` (0), any other step
/// `stepReward` (0): Gymnasium's `reward_schedule` (goal, hole, frozen).
///
/// ## Starting State
/// The agent starts on the map's `S` cell, drawn uniformly when there are several.
///
/// ## Episode End
/// Termination when the agent enters a hole or a goal. Truncation by `make`'s `TimeLimit`:
/// 100 steps for `FrozenLake-v1`, 200 for `FrozenLake8x8-v1` and `GridWorld-v0`, 100 for
/// `GridWorldMaze-v0`. A step after termination
/// leaves the agent where it is with reward 0 and `terminated` true, as Gymnasium's absorbing
/// `P` entries do.
///
/// ## Information
/// None: Gymnasium's `prob` entry is left out so that `reset` and `step` (and so a vector
/// env's autoreset) allocate nothing; the probability of each outcome is in
/// `transitions(state:action:)`.
///
/// ## Rendering
/// `ansi` is FrozenLake's text render (`textRendering`); `rgb` draws flat-colour tiles with the
/// agent as a red disc (`rgbFrame`, colours in `GridPalette`, 32-pixel tiles per `GridLayout`),
/// shading the cells outside the agent's window in the `partial` mode. 4 frames per second.
///
/// ## Version History
/// - `FrozenLake-v1`, `FrozenLake8x8-v1`: Gymnasium's v1 (same maps, actions, observations,
///   rewards, termination and `P`; reward thresholds 0.70 and 0.85).
/// - `GridWorld-v0` (random 8x8 map, not slippery) and `GridWorldMaze-v0` (7x7 maze with walls,
///   not slippery, -0.01 per step): first Dojo versions.
public struct GridWorld<Encoding: GridObservationEncoding>: Environment, Sendable {
    public typealias Observation = Encoding.ObservationSpace.Element
    public typealias Action = Int

    /// The layout.
    public let map: GridMap
    /// The slip rule and rewards.
    public let rules: GridRules
    /// How states are shown to the agent.
    public let encoding: Encoding
    public let actionSpace = Discrete(4)
    public let metadata = EnvironmentMetadata(renderModes: [.ansi, .rgb], renderFPS: 4)

    /// The agent's cell, `row * columns + column`.
    public var cell: Int { agentCell }
    /// The action of the last step, `nil` right after a reset.
    public var lastAction: GridDirection? { lastMove }
    @usableFromInline var agentCell: Int
    @usableFromInline var lastMove: GridDirection?
    @usableFromInline let model: GridModel
    @usableFromInline var generator = SeededGenerator(seed: 0)

    /// Creates a grid world; the agent stands on the first start until `reset` draws one.
    public init(map: GridMap, rules: GridRules = .frozenLake, encoding: Encoding) {
        self.map = map
        self.rules = rules
        self.encoding = encoding
        self.model = GridModel(map: map, rules: rules)
        self.agentCell = map.starts.first ?? 0
    }

    public var observationSpace: Encoding.ObservationSpace { encoding.observationSpace }

    /// Reaching a goal is a success (FrozenLake's measure of a policy).
    public var reportsSuccess: Bool { true }

    /// Whether the agent stands on a goal.
    public var isSuccess: Bool { map.tiles[agentCell] == .goal }

    /// Starts an episode on a start cell. No reset options are accepted.
    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        try options.rejectUnknown([])
        if let seed { generator = SeededGenerator(seed: seed) }
        agentCell = map.starts.count > 1 ? map.starts[Int(generator.next(upperBound: UInt64(map.starts.count)))] : map.starts[0]
        lastMove = nil
        return Reset(observation: encoding.observation(cell: cell, on: map))
    }

    /// Moves the agent, slipping as the rules say.
    ///
    /// - Precondition: `action` is in 0...3.
    @inlinable
    public mutating func step(_ action: Int) -> Step<Observation> {
        precondition(action >= 0 && action < 4, "expected an action in 0...3 for GridWorld, got \(action)")
        let outcome = model.sample(state: agentCell, action: action, using: &generator)
        agentCell = outcome.nextState
        lastMove = GridDirection(rawValue: action)
        return Step(observation: encoding.observation(cell: agentCell, on: map), reward: outcome.reward, terminated: outcome.terminated)
    }
}

extension GridWorld where Encoding == IndexEncoding {
    /// A grid world observed through the cell index, as FrozenLake.
    public init(map: GridMap, rules: GridRules = .frozenLake) {
        self.init(map: map, rules: rules, encoding: IndexEncoding(cellCount: map.cellCount))
    }
}
