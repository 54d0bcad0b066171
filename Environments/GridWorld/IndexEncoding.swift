import Dojo

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
