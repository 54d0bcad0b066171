#if SDL
import CSDL2
import Dojo
import Environments
import Foundation
import Rendering
import SDLViewer
import Testing

/// The viewer on SDL's offscreen driver and as a real X11 window under Xvfb; each test runs in
/// a process of its own, since SDL's video subsystem is process-wide.
@Suite struct SDLWindowTests {
    @Test func playbackRunsUnderTheOffscreenDriver() async {
        await #expect(processExitsWith: .success) {
            setenv("SDL_VIDEODRIVER", "offscreen", 1)
            do {
                let scene = try CartPoleScene(episodes: 2)
                let window = try SDLWindow(title: "test", width: 600, height: 400, scale: 1)
                let playback = Playback(display: window, framesPerSecond: 200)
                playback.run(scene, maximumFrames: 25)
                exit(playback.framesShown == 25 && scene.steps > 10 ? EXIT_SUCCESS : 2)
            } catch {
                exit(3)
            }
        }
    }

    /// Keys in SDL's queue reach the viewer as a person's would: Space pauses, then Q quits.
    /// (That a paused viewer blocks rather than polls is `PlaybackTests`' business.)
    @Test func keysInSDLsQueuePauseAndQuit() async {
        await #expect(processExitsWith: .success) {
            setenv("SDL_VIDEODRIVER", "offscreen", 1)
            do {
                let window = try SDLWindow(title: "test", width: 600, height: 400)
                pushKey(SDLK_SPACE)
                pushKey(SDLK_q)
                let playback = Playback(display: window, framesPerSecond: 50)
                let scene = try CartPoleScene(episodes: 100)
                playback.run(scene)
                exit(playback.isPaused && playback.framesShown == 2 && scene.steps == 0 ? EXIT_SUCCESS : 2)
            } catch {
                exit(3)
            }
        }
    }

    @Test func startUpFailureIsThrownWithSDLsText() async {
        await #expect(processExitsWith: .success) {
            setenv("SDL_VIDEODRIVER", "no-such-driver", 1)
            do {
                _ = try SDLWindow(title: "test", width: 10, height: 10)
                exit(2)
            } catch let error as SDLError {
                exit(error.operation.hasPrefix("SDL_") && !error.message.isEmpty ? EXIT_SUCCESS : 3)
            } catch {
                exit(4)
            }
        }
    }

    /// A real window on an X server (Xvfb in CI): plays a few frames of a CartPole episode
    /// through `Playback`, captures the screen with ImageMagick's `import`, and finds the cart's
    /// black and the pole's brown where the episode's last state puts them.
    @Test(.enabled(if: XServer.shouldTest, "needs DISPLAY and ImageMagick's import; CI runs it under xvfb-run with DOJO_REQUIRE_X11=1"))
    func realWindowShowsTheCartWhereTheStateSays() async throws {
        await #expect(processExitsWith: .success) {
            do {
                let scene = try CartPoleScene(episodes: 1)
                let window = try SDLWindow(title: "dojo x11 test", width: 600, height: 400)
                Playback(display: window, framesPerSecond: 30).run(scene, maximumFrames: 8)
                _ = window.nextInput(waitingAtMost: 200)
                let env = scene.cartPole
                guard scene.steps >= 5 else { exit(4) }
                let screen = try XServer.captureScreen()
                let origin = window.position
                let theta = env.state[2]
                let cart = (Int(env.cartCentreX) + origin.x, 400 - 100 + origin.y)
                let pole = (Int(env.axle.x + 60 * sin(theta)) + origin.x, Int(env.axle.y - 60 * cos(theta)) + origin.y)
                let ok = screen[cart.0, cart.1] == CartPole.colors.cart && screen[pole.0, pole.1] == CartPole.colors.pole
                    && screen[origin.x + 590, origin.y + 390] == CartPole.colors.background
                exit(ok ? EXIT_SUCCESS : 2)
            } catch {
                exit(3)
            }
        }
    }
}

/// Puts a key press into SDL's event queue, as if typed in the window.
func pushKey(_ key: SDL_KeyCode) {
    var event = SDL_Event()
    event.type = SDL_KEYDOWN.rawValue
    event.key.keysym.sym = SDL_Keycode(key.rawValue)
    SDL_PushEvent(&event)
}
#endif
