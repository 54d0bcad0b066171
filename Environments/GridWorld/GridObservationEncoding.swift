import Dojo

/// How a grid world shows its state to the agent: the observation type and space of a
/// `GridWorld`, chosen by the type parameter so that each mode has a static observation type.
///
/// Dojo provides `IndexEncoding` (the cell index, FrozenLake's observation),
/// `OneHotEncoding`, `PlanesEncoding` (the whole grid as feature planes) and
/// `PartialViewEncoding` (an agent-centred window). The registry picks one from the
/// `observation` option.
public protocol GridObservationEncoding: Sendable {
    /// The space observations lie in.
    associatedtype ObservationSpace: Space

    /// The space of observations on the encoding's map.
    var observationSpace: ObservationSpace { get }

    /// The observation of the agent standing on `cell` of `map`.
    ///
    /// - Precondition: `map` is the map the encoding was made for.
    func observation(cell: Int, on map: GridMap) -> ObservationSpace.Element
}

/// The agent's cell index, `row * columns + column`, in `Discrete(rows * columns)`: exactly
/// FrozenLake's observation. It is an `Int`, so a step allocates nothing.
public struct IndexEncoding: GridObservationEncoding {
    public let observationSpace: Discrete

    /// The encoding for a map of `cellCount` cells.
    public init(cellCount: Int) {
        observationSpace = Discrete(cellCount)
    }

    public func observation(cell: Int, on map: GridMap) -> Int { cell }
}

/// The agent's cell as a one-hot Float32 vector of length `rows * columns`.
public struct OneHotEncoding: GridObservationEncoding {
    public let observationSpace: Box<[Float]>

    /// The encoding for a map of `cellCount` cells.
    public init(cellCount: Int) {
        observationSpace = Box(low: 0, high: 1, shape: [cellCount])
    }

    public func observation(cell: Int, on map: GridMap) -> [Float] {
        var vector = [Float](repeating: 0, count: map.cellCount)
        vector[cell] = 1
        return vector
    }
}
