import Dojo
import Environments
import Rendering
import Testing
import TestSupport

/// GridWorld's `rgb` render: frames at fixed states match the checked-in goldens, and pixels
/// computed from `GridPalette` and `GridLayout` hold the right colours, so a wrong drawing
/// fails even if its goldens were regenerated from it.
@Suite struct GridWorldRenderingTests {
    /// Four moves down then three right on the maze: the agent ends at row 4, column 2, the
    /// third move right bumping into the wall at column 3.
    static let mazeMoves: [GridDirection] = [.down, .down, .down, .down, .right, .right, .right]

    @Test func frozenLake4x4AtTheStart() throws {
        var world = GridWorld(map: .frozenLake4x4)
        _ = try world.reset(seed: 0)
        let frame = try rgbFrame(world)
        let layout = world.renderLayout
        #expect(layout.tileSize == GridLayout.standardTileSize)
        #expect(frame.width == 4 * GridLayout.standardTileSize && frame.height == 4 * GridLayout.standardTileSize)
        #expect(centre(frame, layout, 0, 0) == GridPalette.agent)
        #expect(corner(frame, layout, 0, 0) == GridPalette.start)
        #expect(centre(frame, layout, 1, 1) == GridPalette.hole)
        #expect(centre(frame, layout, 3, 0) == GridPalette.hole)
        #expect(centre(frame, layout, 3, 3) == GridPalette.goal)
        #expect(centre(frame, layout, 0, 1) == GridPalette.floor)
        // The grid line between columns 0 and 1 and the one between rows 2 and 3.
        #expect(frame[layout.tileSize, 5] == GridPalette.gridLine)
        #expect(frame[40, 3 * layout.tileSize] == GridPalette.gridLine)
        #expect(frame[layout.tileSize - 1, 5] == GridPalette.start)
        let mismatch = GoldenImage.mismatch(frame, name: "frozenlake4x4-start", group: "GridWorld", bundle: .module)
        #expect(mismatch == nil, "frozenlake4x4-start: \(mismatch ?? "")")
    }

    @Test func frozenLake4x4AfterSeededSlipperyMoves() throws {
        var world = GridWorld(map: .frozenLake4x4)
        _ = try world.reset(seed: 9)
        for direction in [GridDirection.right, .down, .right, .down, .down] {
            _ = world.step(direction.rawValue)
        }
        let frame = try rgbFrame(world)
        let layout = world.renderLayout
        let (row, column) = world.map.position(of: world.cell)
        #expect(world.cell == 10, "the seeded moves are expected to slip the agent to cell 10")
        #expect(centre(frame, layout, row, column) == GridPalette.agent)
        #expect(corner(frame, layout, row, column) == GridPalette.floor)
        #expect(centre(frame, layout, 0, 0) == GridPalette.start)
        #expect(centre(frame, layout, 1, 3) == GridPalette.hole)
        let mismatch = GoldenImage.mismatch(frame, name: "frozenlake4x4-after-moves", group: "GridWorld", bundle: .module)
        #expect(mismatch == nil, "frozenlake4x4-after-moves: \(mismatch ?? "")")
    }

    @Test func frozenLake8x8AtTheStart() throws {
        var world = GridWorld(map: .frozenLake8x8)
        _ = try world.reset(seed: 0)
        let frame = try rgbFrame(world)
        let layout = world.renderLayout
        #expect(frame.width == 8 * GridLayout.standardTileSize && frame.height == 8 * GridLayout.standardTileSize)
        for (index, tile) in world.map.tiles.enumerated() where index != world.cell {
            let (row, column) = world.map.position(of: index)
            #expect(centre(frame, layout, row, column) == GridPalette.color(of: tile), "cell \(index)")
        }
        #expect(centre(frame, layout, 0, 0) == GridPalette.agent)
        let mismatch = GoldenImage.mismatch(frame, name: "frozenlake8x8-start", group: "GridWorld", bundle: .module)
        #expect(mismatch == nil, "frozenlake8x8-start: \(mismatch ?? "")")
    }

    @Test func mazeWithWalls() throws {
        let world = try maze(encoding: IndexEncoding(cellCount: GridMap.maze7x7.cellCount))
        let frame = try rgbFrame(world)
        let layout = world.renderLayout
        #expect(world.map.position(of: world.cell) == (4, 2))
        #expect(centre(frame, layout, 4, 2) == GridPalette.agent)
        #expect(centre(frame, layout, 4, 3) == GridPalette.wall)
        #expect(corner(frame, layout, 0, 3) == GridPalette.wall)
        #expect(centre(frame, layout, 3, 5) == GridPalette.hole)
        #expect(centre(frame, layout, 0, 0) == GridPalette.start)
        #expect(centre(frame, layout, 6, 6) == GridPalette.goal)
        let mismatch = GoldenImage.mismatch(frame, name: "maze7x7-walls", group: "GridWorld", bundle: .module)
        #expect(mismatch == nil, "maze7x7-walls: \(mismatch ?? "")")
    }

    @Test func partialViewShadesExactlyTheCellsOutsideTheWindow() throws {
        let partial = try maze(encoding: PartialViewEncoding(viewSize: 3))
        let full = try maze(encoding: IndexEncoding(cellCount: GridMap.maze7x7.cellCount))
        let frame = try rgbFrame(partial), unshaded = try rgbFrame(full)
        let layout = partial.renderLayout
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let position = try #require(layout.position(atPixel: x, y))
                let isVisible = abs(position.row - 4) <= 1 && abs(position.column - 2) <= 1
                let expected = isVisible ? unshaded[x, y] : GridPalette.hiddenShade.composited(over: unshaded[x, y])
                guard frame[x, y] == expected else {
                    Issue.record("pixel (\(x), \(y)) in cell \(position) is \(frame[x, y]), expected \(expected)")
                    return
                }
            }
        }
        #expect(centre(frame, layout, 4, 2) == GridPalette.agent)
        #expect(centre(frame, layout, 3, 1) == GridPalette.wall)
        #expect(centre(frame, layout, 0, 0) == GridPalette.hiddenShade.composited(over: GridPalette.start))
        #expect(centre(frame, layout, 3, 5) == GridPalette.hiddenShade.composited(over: GridPalette.hole))
        let mismatch = GoldenImage.mismatch(frame, name: "maze7x7-partial3", group: "GridWorld", bundle: .module)
        #expect(mismatch == nil, "maze7x7-partial3: \(mismatch ?? "")")
    }

    @Test func everyEncodingDrawsTheSameFrameWhenNothingIsHidden() throws {
        let cellCount = GridMap.maze7x7.cellCount
        let expected = try rgbFrame(try maze(encoding: IndexEncoding(cellCount: cellCount)))
        #expect(try rgbFrame(try maze(encoding: OneHotEncoding(cellCount: cellCount))) == expected)
        #expect(try rgbFrame(try maze(encoding: PlanesEncoding(map: .maze7x7))) == expected)
        // A window of 13 cells reaches every cell of a 7x7 map from any of them.
        #expect(try rgbFrame(try maze(encoding: PartialViewEncoding(viewSize: 13))) == expected)
        #expect(try rgbFrame(try maze(encoding: PartialViewEncoding(viewSize: 5))) != expected)
    }

    @Test func theRegisteredPartialModeRendersThroughItsWrappers() throws {
        var environment = try EnvironmentRegistry.standard.make(id: "GridWorldMaze-v0", options: ["observation": "partial"])
        let wrapped = try resetAndRender(&environment)
        let world = try #require(environment.unwrapped as? GridWorld<PartialViewEncoding>)
        #expect(environment.metadata.renderModes == [.ansi, .rgb])
        #expect(wrapped == (try rgbFrame(world)))
        #expect(world.encoding.viewRadius == 1)
    }

    @Test func paletteColoursAreDistinctEvenWhenShaded() {
        let opaque = GridTile.allCases.map(GridPalette.color(of:)) + [GridPalette.agent, GridPalette.gridLine, GridPalette.cue]
        let shaded = opaque.map(GridPalette.hiddenShade.composited(over:))
        #expect(Set(opaque).count == opaque.count)
        #expect(Set(opaque + shaded).count == 2 * opaque.count)
    }

    /// The frame `environment` renders after a reset with seed 0.
    private func resetAndRender(_ environment: inout some Environment) throws -> Frame {
        _ = try environment.reset(seed: 0)
        return try rgbFrame(environment)
    }

    /// The maze, not slippery, after `mazeMoves`.
    private func maze<Encoding: GridObservationEncoding>(encoding: Encoding) throws -> GridWorld<Encoding> {
        var world = GridWorld(map: .maze7x7, rules: GridRules(isSlippery: false), encoding: encoding)
        _ = try world.reset(seed: 0)
        for direction in Self.mazeMoves {
            _ = world.step(direction.rawValue)
        }
        return world
    }
}

/// The frame `environment` renders in `.rgb` mode.
func rgbFrame(_ environment: some Environment) throws -> Frame {
    guard case .frame(let frame)? = environment.render(.rgb) else {
        throw EnvironmentError.invalidDefinition("expected render(.rgb) to give a frame")
    }
    return frame
}

/// The colour at the centre pixel of cell (`row`, `column`).
func centre(_ frame: Frame, _ layout: GridLayout, _ row: Int, _ column: Int) -> RGB {
    let pixel = layout.centrePixel(row: row, column: column)
    return frame[pixel.x, pixel.y]
}

/// The colour two pixels in from the top-left corner of cell (`row`, `column`): past the grid
/// line and outside the agent's disc, so the tile's own colour.
func corner(_ frame: Frame, _ layout: GridLayout, _ row: Int, _ column: Int) -> RGB {
    let origin = layout.origin(row: row, column: column)
    return frame[origin.x + 2, origin.y + 2]
}
