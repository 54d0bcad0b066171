import SDLViewer
import Testing

/// `Playback`'s loop, driven by a scripted display: what it shows and how it waits, exactly.
@Suite struct PlaybackTests {
    /// Paused, the viewer asks for a wait without a time limit (it sleeps until a key comes,
    /// using no CPU) and shows nothing and steps nothing until then.
    @Test func pausedPlaybackWaitsForInputWithoutShowingOrStepping() throws {
        let scene = try CartPoleScene(episodes: 100)
        let display = ScriptedDisplay([nil, nil, .togglePause, .quit])
        let playback = Playback(display: display, framesPerSecond: 50)
        playback.run(scene)
        #expect(playback.isPaused)
        #expect(display.waits.count == 4)
        #expect(display.waits[0...2].allSatisfy { $0 != nil })
        #expect(display.waits[3] == nil, "a paused viewer must block until input, not poll")
        #expect(scene.steps == 2, "two ticks before the pause, none after")
        // The first frame, one per tick, and one to show "paused": nothing while paused.
        #expect(display.shownCount == 4 && display.shownBeforeWait[3] == 4)
    }

    /// While paused, Right arrow advances exactly one step and the viewer waits unbounded again.
    @Test func stepOnceWhilePausedAdvancesOneStep() throws {
        let scene = try CartPoleScene(episodes: 100)
        let display = ScriptedDisplay([.togglePause, .stepOnce, .stepOnce, .quit])
        Playback(display: display, framesPerSecond: 50).run(scene)
        #expect(scene.steps == 2)
        #expect(display.waits.dropFirst().allSatisfy { $0 == nil })
    }

    /// Resuming goes back to timed waits, one step per tick.
    @Test func resumingGoesBackToTimedTicks() throws {
        let scene = try CartPoleScene(episodes: 100)
        let display = ScriptedDisplay([.togglePause, .togglePause, nil, nil, nil, .quit])
        let playback = Playback(display: display, framesPerSecond: 50)
        playback.run(scene)
        #expect(!playback.isPaused)
        #expect(display.waits[1] == nil && display.waits[2...].allSatisfy { $0 != nil })
        #expect(scene.steps == 3)
    }

    /// Speed doubles and halves within 1/16 and 16.
    @Test func speedStaysWithinItsBounds() throws {
        let scene = try CartPoleScene(episodes: 100)
        let display = ScriptedDisplay(Array(repeating: .faster, count: 6) + [.quit])
        let fast = Playback(display: display, framesPerSecond: 50)
        fast.run(scene)
        #expect(fast.speed == 16)
        let slower = Playback(display: ScriptedDisplay(Array(repeating: .slower, count: 6) + [.quit]), framesPerSecond: 50)
        slower.run(scene)
        #expect(slower.speed == 1.0 / 16)
    }

    /// Ended episodes stay up for `holdTicks` ticks, then the next starts; the last ends the run.
    @Test func episodesFollowEachOtherUntilTheSceneIsFinished() throws {
        let scene = try CartPoleScene(episodes: 2)
        let display = ScriptedDisplay(Array(repeating: nil, count: 10_000))
        let playback = Playback(display: display, framesPerSecond: 50)
        playback.holdTicks = 3
        playback.run(scene)
        #expect(scene.isFinished)
        #expect(display.waits.count == scene.steps + 2 * playback.holdTicks)
        #expect(playback.framesShown == display.shownCount)
    }

    @Test func maximumFramesStopsTheRun() throws {
        let display = ScriptedDisplay(Array(repeating: nil, count: 100))
        let playback = Playback(display: display, framesPerSecond: 50)
        playback.run(try CartPoleScene(episodes: 100), maximumFrames: 7)
        #expect(playback.framesShown == 7 && display.waits.count == 6)
    }
}
