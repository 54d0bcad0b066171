import Dojo
import Environments
import Rendering
import Testing
import TestSupport

/// MemoryCorridor's `rgb` render: three rows of tiles, the cue lit only while the agent sees it.
@Suite struct GridWorldRenderingMemoryCorridorTests {
    @Test func theCueIsLitOnTheGoalsSideRightAfterAReset() throws {
        var corridor = MemoryCorridor(length: 5)
        _ = try corridor.reset(seed: 0, options: ["goal": "down"])
        let frame = try rgbFrame(corridor)
        let layout = corridor.renderLayout
        #expect(frame.width == 5 * GridLayout.standardTileSize && frame.height == 3 * GridLayout.standardTileSize)
        #expect(centre(frame, layout, 2, 0) == GridPalette.cue)
        #expect(centre(frame, layout, 0, 0) == GridPalette.wall)
        #expect(centre(frame, layout, 1, 0) == GridPalette.agent)
        #expect(corner(frame, layout, 1, 0) == GridPalette.start)
        #expect(centre(frame, layout, 1, 4) == GridPalette.floor)
        #expect(centre(frame, layout, 0, 4) == GridPalette.hole)
        #expect(centre(frame, layout, 2, 4) == GridPalette.goal)
        let mismatch = GoldenImage.mismatch(frame, name: "memorycorridor-cue-down", group: "GridWorld", bundle: .module)
        #expect(mismatch == nil, "memorycorridor-cue-down: \(mismatch ?? "")")

        _ = try corridor.reset(seed: 0, options: ["goal": "up"])
        let up = try rgbFrame(corridor)
        #expect(centre(up, layout, 0, 0) == GridPalette.cue)
        #expect(centre(up, layout, 2, 0) == GridPalette.wall)
        #expect(centre(up, layout, 0, 4) == GridPalette.goal)
    }

    @Test func theCueIsGoneAfterTheFirstStep() throws {
        var corridor = MemoryCorridor(length: 5)
        _ = try corridor.reset(seed: 0, options: ["goal": "down"])
        _ = corridor.step(GridDirection.left.rawValue)
        let frame = try rgbFrame(corridor)
        let layout = corridor.renderLayout
        #expect(centre(frame, layout, 2, 0) == GridPalette.wall)
        #expect(centre(frame, layout, 1, 0) == GridPalette.agent)
    }

    @Test func theAgentIsDrawnInTheEndItEntered() throws {
        var corridor = MemoryCorridor(length: 5)
        _ = try corridor.reset(seed: 0, options: ["goal": "down"])
        for direction in [GridDirection.right, .right, .right, .right, .down] {
            _ = corridor.step(direction.rawValue)
        }
        let frame = try rgbFrame(corridor)
        let layout = corridor.renderLayout
        #expect(corridor.enteredEnd == .down)
        #expect(centre(frame, layout, 2, 4) == GridPalette.agent)
        #expect(corner(frame, layout, 2, 4) == GridPalette.goal)
        #expect(centre(frame, layout, 1, 4) == GridPalette.floor)
        #expect(centre(frame, layout, 2, 0) == GridPalette.wall)
        let mismatch = GoldenImage.mismatch(frame, name: "memorycorridor-entered-goal", group: "GridWorld", bundle: .module)
        #expect(mismatch == nil, "memorycorridor-entered-goal: \(mismatch ?? "")")
    }

    @Test func theTextRenderIsUnchanged() throws {
        var corridor = MemoryCorridor(length: 3)
        _ = try corridor.reset(seed: 0, options: ["goal": "up"])
        #expect(corridor.render(.ansi) == .text("\n##G\n\u{1B}[41mS\u{1B}[0mFF\n##H\n"))
        _ = corridor.step(GridDirection.right.rawValue)
        _ = corridor.step(GridDirection.right.rawValue)
        _ = corridor.step(GridDirection.up.rawValue)
        #expect(corridor.render(.ansi) == .text("  (Up)\n##\u{1B}[41mG\u{1B}[0m\nSFF\n##H\n"))
    }
}
