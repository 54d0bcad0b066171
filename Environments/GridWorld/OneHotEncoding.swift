import Dojo

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
