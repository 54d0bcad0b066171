import Dojo
import Environments
import Rendering
import Testing

/// `GridLayout` and `cell(atPixel:)`: where cells lie in a frame and which cell a pixel is in.
@Suite struct GridWorldLayoutTests {
    @Test func everyPixelOfACellMapsBackToIt() {
        let world = GridWorld(map: .frozenLake8x8)
        let layout = world.renderLayout
        for cell in 0..<world.map.cellCount {
            let (row, column) = world.map.position(of: cell)
            let origin = layout.origin(row: row, column: column)
            let last = layout.tileSize - 1
            for (dx, dy) in [(0, 0), (last, 0), (0, last), (last, last), (last / 2, last / 2)] {
                #expect(world.cell(atPixel: origin.x + dx, origin.y + dy) == cell, "cell \(cell) at +(\(dx), \(dy))")
            }
            let centre = layout.centrePixel(row: row, column: column)
            #expect(world.cell(atPixel: centre.x, centre.y) == cell)
        }
    }

    @Test func pixelsOutsideTheFrameAreInNoCell() {
        let world = GridWorld(map: .frozenLake4x4)
        let side = 4 * GridLayout.standardTileSize
        for (x, y) in [(-1, 0), (0, -1), (side, 0), (0, side), (side, side)] {
            #expect(world.cell(atPixel: x, y) == nil, "(\(x), \(y))")
        }
        #expect(world.cell(atPixel: side - 1, side - 1) == 15)
    }

    @Test func aGridLineBelongsToTheCellRightOfOrBelowIt() {
        let world = GridWorld(map: .frozenLake4x4)
        let tile = GridLayout.standardTileSize
        #expect(world.cell(atPixel: tile, 0) == 1)
        #expect(world.cell(atPixel: tile - 1, 0) == 0)
        #expect(world.cell(atPixel: 0, tile) == 4)
    }

    @Test(arguments: [(4, 4, 32), (64, 64, 32), (65, 10, 31), (7, 100, 20), (1024, 1024, 2), (3, 5000, 1)])
    func tilesShrinkOnlyForMapsOfMoreThan64CellsOnASide(rows: Int, columns: Int, tileSize: Int) {
        let layout = GridLayout(rows: rows, columns: columns)
        #expect(layout.tileSize == tileSize)
        #expect(layout.frameWidth == columns * tileSize && layout.frameHeight == rows * tileSize)
        #expect(layout.agentRadius == GridLayout.agentRadiusFraction * Double(tileSize))
    }

    @Test func aLargeRandomMapRendersWithSmallerTiles() throws {
        var generator = SeededGenerator(seed: 1)
        let map = GridMap.random(size: 100, holeProbability: 0.2, using: &generator)
        var large = GridWorld(map: map)
        _ = try large.reset(seed: 0)
        let frame = try rgbFrame(large)
        #expect(large.renderLayout.tileSize == 20)
        #expect(frame.width == 2000 && frame.height == 2000)
        #expect(centre(frame, large.renderLayout, 99, 99) == GridPalette.goal)
        #expect(centre(frame, large.renderLayout, 0, 0) == GridPalette.agent)
    }
}
