import Dojo
import Environments
import Testing

@Suite struct GridWorldEncodingTests {
    let maze = GridMap.maze7x7

    @Test func indexAndOneHotShowTheCell() {
        #expect(IndexEncoding(cellCount: 16).observation(cell: 9, on: .frozenLake4x4) == 9)
        let oneHot = OneHotEncoding(cellCount: 16)
        let vector = oneHot.observation(cell: 9, on: .frozenLake4x4)
        #expect(vector.count == 16 && vector[9] == 1 && vector.reduce(0, +) == 1)
        #expect(oneHot.observationSpace.contains(vector))
    }

    @Test func planesHoldAgentWallHoleAndGoal() {
        let encoding = PlanesEncoding(map: maze)
        #expect(encoding.observationSpace.shape == [4, 7, 7])
        let planes = encoding.observation(cell: 8, on: maze)
        let area = maze.cellCount
        for cell in 0..<area {
            #expect(planes[cell] == (cell == 8 ? 1 : 0))
            #expect(planes[area + cell] == (maze.tiles[cell] == .wall ? 1 : 0))
            #expect(planes[2 * area + cell] == (maze.tiles[cell] == .hole ? 1 : 0))
            #expect(planes[3 * area + cell] == (maze.tiles[cell] == .goal ? 1 : 0))
        }
    }

    @Test func partialViewIsCentredAndTreatsOutsideAsWall() {
        let encoding = PartialViewEncoding(viewSize: 3)
        #expect(encoding.observationSpace.shape == [3, 3, 3])
        // At the start (0, 0) of the 4x4 lake: the top row and left column lie outside.
        let corner = encoding.observation(cell: 0, on: .frozenLake4x4)
        #expect(Array(corner[0..<9]) == [1, 1, 1, 1, 0, 0, 1, 0, 0])
        #expect(Array(corner[9..<18]) == [0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(Array(corner[18..<27]) == [Float](repeating: 0, count: 9))
        // Next to the goal at (3, 2): the goal is to the right of the centre.
        let nearGoal = encoding.observation(cell: 14, on: .frozenLake4x4)
        #expect(Array(nearGoal[18..<27]) == [0, 0, 0, 0, 0, 1, 0, 0, 0])
        #expect(Array(nearGoal[9..<18]) == [0, 0, 1, 0, 0, 0, 0, 0, 0])
        #expect(Array(nearGoal[0..<9]) == [0, 0, 0, 0, 0, 0, 1, 1, 1])
    }

    @Test func partialViewShowsMazeWalls() {
        let view = PartialViewEncoding(viewSize: 5).observation(cell: 0, on: maze)
        // Rows -2...2 and columns -2...2 around (0, 0): only (0..2, 0..2) lie inside.
        let walls = Array(view[0..<25])
        #expect(walls == [
            1, 1, 1, 1, 1,
            1, 1, 1, 1, 1,
            1, 1, 0, 0, 0,
            1, 1, 0, 1, 0,
            1, 1, 0, 1, 0,
        ])
    }

    @Test func stepsReturnTheEncodedObservation() throws {
        var world = GridWorld(map: maze, rules: GridRules(isSlippery: false), encoding: PlanesEncoding(map: maze))
        let first = try world.reset(seed: 0).observation
        #expect(first[0] == 1)
        let moved = world.step(GridDirection.down.rawValue).observation
        #expect(moved[7] == 1 && moved[0] == 0)
    }
}
