import Dojo

/// The options of every grid-world id, read from the registry's `Options` and checked.
///
/// | Option             | Type                    | Default  | Meaning                                                   |
/// |--------------------|-------------------------|----------|-----------------------------------------------------------|
/// | `map`              | string or [string]      |          | a map in the text format (rows as lines, or one per item) |
/// | `map_file`         | string                  |          | the path of a map file                                    |
/// | `map_name`         | string                  | `4x4`    | `4x4`, `8x8`, `maze7x7`, or `random`                      |
/// | `size`             | integer                 | 8        | rows and columns of a `random` map                        |
/// | `hole_probability` | number                  | 0.2      | chance of a hole off the guaranteed path (`random`)       |
/// | `map_seed`         | integer                 | 0        | seed of the `random` map's own generator                  |
/// | `is_slippery`      | Boolean                 | true     | whether moves can slip sideways                           |
/// | `success_rate`     | number                  | 1/3      | probability of the intended move when slippery            |
/// | `slip_probability` | number                  | 2/3      | `1 - success_rate`, the other way to say it               |
/// | `reward_schedule`  | [number, number, number]| [1, 0, 0]| rewards for entering goal, hole, other cells (Gymnasium)  |
/// | `step_reward`      | number                  | 0        | the reward of a step that enters no goal or hole          |
/// | `observation`      | string                  | `index`  | `index`, `onehot`, `planes`, or `partial`                 |
/// | `view_size`        | odd integer             | 3        | side of the `partial` view                                |
///
/// The map comes from `map` if given, else `map_file`, else `map_name`. A random map is drawn
/// once, when the environment is made, from its own generator seeded with `map_seed`; resets
/// do not change it.
public struct GridWorldOptions: Sendable {
    /// The observation modes of the `observation` option.
    public enum ObservationMode: String, Sendable, CaseIterable {
        /// The cell index (`IndexEncoding`).
        case index
        /// A one-hot vector (`OneHotEncoding`).
        case onehot
        /// Agent, wall, hole and goal planes (`PlanesEncoding`).
        case planes
        /// An agent-centred window (`PartialViewEncoding`).
        case partial
    }

    /// Every option name this type reads.
    public static let names: Set<String> = [
        "map", "map_file", "map_name", "size", "hole_probability", "map_seed", "is_slippery", "success_rate",
        "slip_probability", "reward_schedule", "step_reward", "observation", "view_size",
    ]

    /// The map.
    public var map: GridMap
    /// The slip rule and rewards.
    public var rules: GridRules
    /// The observation mode.
    public var observation: ObservationMode
    /// The side of the partial view.
    public var viewSize: Int

    /// Reads and checks `options`.
    ///
    /// - Throws: `EnvironmentError.invalidOption` naming the option for an unknown option, a
    ///   value of the wrong type or range, conflicting options, or a malformed map (the message
    ///   then names the line and column, or the missing file's path).
    public init(options: Options) throws(EnvironmentError) {
        try options.rejectUnknown(Self.names)
        map = try Self.readMap(options)
        rules = try Self.readRules(options)
        let mode = try options.string("observation") ?? ObservationMode.index.rawValue
        guard let observation = ObservationMode(rawValue: mode) else {
            let expected = ObservationMode.allCases.map(\.rawValue.debugDescription).joined(separator: ", ")
            throw .invalidOption(name: "observation", message: "expected one of \(expected), got \(mode.debugDescription)")
        }
        self.observation = observation
        let viewSize = try options.integer("view_size")
        if let viewSize, observation != .partial {
            throw .invalidOption(name: "view_size", message: "only used with observation \"partial\", got observation \(mode.debugDescription) and view_size \(viewSize)")
        }
        self.viewSize = viewSize ?? 3
        guard self.viewSize > 0, self.viewSize % 2 == 1 else {
            throw .invalidOption(name: "view_size", message: "expected an odd positive integer, got \(self.viewSize)")
        }
    }

    /// The environment these options describe, with the encoding of `observation`.
    public func makeEnvironment() -> any Environment {
        switch observation {
        case .index: GridWorld(map: map, rules: rules, encoding: IndexEncoding(cellCount: map.cellCount))
        case .onehot: GridWorld(map: map, rules: rules, encoding: OneHotEncoding(cellCount: map.cellCount))
        case .planes: GridWorld(map: map, rules: rules, encoding: PlanesEncoding(map: map))
        case .partial: GridWorld(map: map, rules: rules, encoding: PartialViewEncoding(viewSize: viewSize))
        }
    }
}
