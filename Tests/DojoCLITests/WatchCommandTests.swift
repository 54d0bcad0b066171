import Foundation
import Testing

@Suite struct WatchCommandTests {
    /// `--record` writes an animated GIF with one frame per reset and step, without a window.
    @Test func recordWritesAnAnimatedGIF() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-watch-\(getpid()).gif").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try DojoBinary.run(["watch", "--env", "CartPole-v1", "--episodes", "2", "--seed", "4", "--record", path])
        #expect(output.status == 0, "\(output.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.starts(with: Array("GIF89a".utf8)))
        // "wrote N frames of 2 episode(s) to PATH; returns [r1, r2]": CartPole pays 1 per step, so
        // N is the first frame of each episode plus one per step.
        let words = output.stdout.split(whereSeparator: { " [],\n".contains($0) })
        let frames = try #require(Int(words[1]))
        let returns = words.suffix(2).compactMap { Double($0) }
        #expect(returns.count == 2 && frames == 2 + Int(returns.reduce(0, +)), "\(output.stdout)")
    }

    @Test func ansiRenderPrintsEverySteps() throws {
        let output = try DojoBinary.run(["watch", "--env", "FrozenLake-v1", "--render", "ansi", "--fps", "100", "--seed", "2"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("episode 1/1  step 0") && output.stdout.contains("SFFF"))
    }

    @Test(arguments: [
        (["watch", "--env", "CartPole-v1", "--record", "out.png"], "--record"),
        (["watch", "--env", "CartPole-v1", "--policy", "smart"], "--policy"),
        (["watch", "--env", "CartPole-v1", "--render", "html"], "--render"),
        (["watch", "--env", "Nope-v0", "--render", "ansi"], "Nope-v0"),
    ])
    func badArgumentsAreNamed(arguments: [String], mention: String) throws {
        let output = try DojoBinary.run(arguments)
        #expect(output.status != 0 && output.stderr.contains(mention), "\(output.stderr)")
    }

    #if !SDL
    @Test func windowWithoutTheTraitSaysHowToGetOne() throws {
        let output = try DojoBinary.run(["watch", "--env", "CartPole-v1"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("--traits SDL") && output.stderr.contains("--record") && output.stderr.contains("--render ansi"))
    }
    #endif
}
