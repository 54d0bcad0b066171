import Dojo

/// The whole grid as Float32 feature planes of shape `[4, rows, columns]` (channels, rows,
/// columns), for convolutional networks.
///
/// | Channel | Plane | A cell is 1 when it ...    |
/// |---------|-------|----------------------------|
/// | 0       | agent | holds the agent            |
/// | 1       | wall  | is a wall                  |
/// | 2       | hole  | is a hole                  |
/// | 3       | goal  | is a goal                  |
///
/// Every other value is 0. Values are stored channel-major, then row, then column.
public struct PlanesEncoding: GridObservationEncoding {
    /// The number of planes.
    public static let channelCount = 4

    public let observationSpace: Box<[Float]>
    /// The wall, hole and goal planes, which never change, so a step only writes the agent.
    private let staticPlanes: [Float]

    /// The encoding for `map`.
    public init(map: GridMap) {
        observationSpace = Box(low: 0, high: 1, shape: [Self.channelCount, map.rows, map.columns])
        var planes = [Float](repeating: 0, count: Self.channelCount * map.cellCount)
        for (cell, tile) in map.tiles.enumerated() {
            switch tile {
            case .wall: planes[map.cellCount + cell] = 1
            case .hole: planes[2 * map.cellCount + cell] = 1
            case .goal: planes[3 * map.cellCount + cell] = 1
            case .start, .floor: break
            }
        }
        staticPlanes = planes
    }

    public func observation(cell: Int, on map: GridMap) -> [Float] {
        var planes = staticPlanes
        planes[cell] = 1
        return planes
    }
}
