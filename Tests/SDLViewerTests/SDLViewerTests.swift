#if SDL
import CSDL2
import Dojo
import Environments
import Foundation
import Rendering
import SDLViewer
import Testing

/// The viewer under SDL's offscreen driver and as a real X11 window under Xvfb.
@Suite struct SDLViewerTests {
    @Test func playbackRunsUnderTheOffscreenDriver() async {
        await #expect(processExitsWith: .success) {
            setenv("SDL_VIDEODRIVER", "offscreen", 1)
            do {
                let scene = try CartPoleScene(episodes: 2)
                let window = try SDLWindow(title: "test", width: 600, height: 400, scale: 1)
                let playback = Playback(window: window, framesPerSecond: 200)
                playback.run(scene, maximumFrames: 25)
                exit(playback.framesShown == 25 && scene.steps > 10 ? EXIT_SUCCESS : 2)
            } catch {
                exit(3)
            }
        }
    }

    /// Paused, the viewer sleeps in SDL's event wait: over one second it uses almost no CPU.
    /// Space (pause) and Q (quit) are pushed into SDL's queue as a person's keys would be.
    @Test func pausedPlaybackUsesNoCPU() async {
        await #expect(processExitsWith: .success) {
            setenv("SDL_VIDEODRIVER", "offscreen", 1)
            do {
                let window = try SDLWindow(title: "test", width: 600, height: 400)
                let playback = Playback(window: window, framesPerSecond: 50)
                let measurement = PausedCPUMeasurement()
                let keys = Thread {
                    Thread.sleep(forTimeInterval: 0.3)
                    pushKey(SDLK_SPACE)
                    Thread.sleep(forTimeInterval: 0.2)
                    measurement.start = processorSeconds()
                    Thread.sleep(forTimeInterval: 1.0)
                    measurement.end = processorSeconds()
                    pushKey(SDLK_q)
                }
                keys.start()
                playback.run(try CartPoleScene(episodes: 100))
                let used = measurement.end - measurement.start
                exit(playback.isPaused && used < 0.05 ? EXIT_SUCCESS : 2)
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
                Playback(window: window, framesPerSecond: 30).run(scene, maximumFrames: 8)
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

/// Processor time this process has used, user and system, in seconds.
func processorSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
}

/// Puts a key press into SDL's event queue, as if typed in the window.
func pushKey(_ key: SDL_KeyCode) {
    var event = SDL_Event()
    event.type = SDL_KEYDOWN.rawValue
    event.key.keysym.sym = SDL_Keycode(key.rawValue)
    SDL_PushEvent(&event)
}

/// The processor-time readings taken by the key thread while playback is paused.
final class PausedCPUMeasurement: @unchecked Sendable {
    var start = 0.0
    var end = 0.0
}

/// Random-action CartPole episodes as a viewer scene.
final class CartPoleScene: ViewerScene {
    /// The environment, in the state of the frame shown last.
    private(set) var cartPole = CartPole()
    private var generator = SeededGenerator(seed: 1)
    private let episodes: Int
    private var episode = 0
    private(set) var steps = 0
    private(set) var isEpisodeOver = false

    init(episodes: Int) throws {
        self.episodes = episodes
    }

    func restart() -> Frame {
        _ = try? cartPole.reset(seed: episode == 0 ? 0 : nil)
        episode += 1
        isEpisodeOver = false
        return cartPole.frame
    }

    func advance() -> Frame? {
        let result = cartPole.step(Int(generator.next() % 2))
        steps += 1
        isEpisodeOver = result.isDone
        return cartPole.frame
    }

    func click(x: Int, y: Int) -> Frame? { nil }
    var isFinished: Bool { episode >= episodes && isEpisodeOver }
    var caption: String { "episode \(episode) step \(steps)" }
}

/// The X server the tests may use, and a screen capture through ImageMagick.
enum XServer {
    static let shouldTest: Bool = ProcessInfo.processInfo.environment["DOJO_REQUIRE_X11"] == "1"
        || (ProcessInfo.processInfo.environment["DISPLAY"] != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/import"))

    /// The whole screen as a frame.
    static func captureScreen() throws -> Frame {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-screen-\(getpid()).png").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/import")
        process.arguments = ["-window", "root", "png24:\(path)"]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try PNGFile.read(from: path)
    }
}
#endif
