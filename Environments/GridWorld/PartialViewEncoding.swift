import Dojo

/// An agent-centred window of `viewSize x viewSize` cells as Float32 planes of shape
/// `[3, viewSize, viewSize]`: a partially observed task.
///
/// | Channel | Plane | A cell is 1 when it ...                       |
/// |---------|-------|-----------------------------------------------|
/// | 0       | wall  | is a wall or lies outside the map             |
/// | 1       | hole  | is a hole                                     |
/// | 2       | goal  | is a goal                                     |
///
/// The agent is always at the centre cell, `(viewSize / 2, viewSize / 2)`, so it needs no
/// plane. Cells outside the map read as walls, since moving there leaves the agent in place.
public struct PartialViewEncoding: GridObservationEncoding {
    /// The number of planes.
    public static let channelCount = 3

    /// The side of the window, odd so the agent sits at its centre.
    public let viewSize: Int
    public let observationSpace: Box<[Float]>

    /// `viewSize / 2`: the window reaches that many cells beyond the agent on every side.
    public var viewRadius: Int? { viewSize / 2 }

    /// The encoding with a window of `viewSize` cells on a side.
    ///
    /// - Precondition: `viewSize` is odd and positive.
    public init(viewSize: Int) {
        precondition(viewSize > 0 && viewSize % 2 == 1, "expected an odd positive view size, got \(viewSize)")
        self.viewSize = viewSize
        observationSpace = Box(low: 0, high: 1, shape: [Self.channelCount, viewSize, viewSize])
    }

    public func observation(cell: Int, on map: GridMap) -> [Float] {
        let area = viewSize * viewSize
        let radius = viewSize / 2
        let (row, column) = map.position(of: cell)
        var planes = [Float](repeating: 0, count: Self.channelCount * area)
        for viewRow in 0..<viewSize {
            for viewColumn in 0..<viewSize {
                let offset = viewRow * viewSize + viewColumn
                let mapRow = row + viewRow - radius, mapColumn = column + viewColumn - radius
                guard map.contains(row: mapRow, column: mapColumn) else {
                    planes[offset] = 1
                    continue
                }
                switch map[mapRow, mapColumn] {
                case .wall: planes[offset] = 1
                case .hole: planes[area + offset] = 1
                case .goal: planes[2 * area + offset] = 1
                case .start, .floor: break
                }
            }
        }
        return planes
    }
}
