import Foundation
import Testing

/// `dojo train --watch`: with the SDL trait (CI's SDL step, SDL's offscreen driver) training
/// runs beside a window that plays each evaluated policy and ends as a run without the window
/// ends; without the trait it is refused before anything is written, saying how to get it.
@Suite struct TrainWatchTests {
    @Test func watchPlaysEvaluatedPoliciesOrSaysHowToGetAWindow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (watched, plain) = (folder.appendingPathComponent("watched"), folder.appendingPathComponent("plain"))
        let arguments = ["train", "--seed", "3", "--steps", "4000", "--eval-every", "2000", "--eval-episodes", "2"]
        let output = try DojoBinary.run(arguments + ["--watch", "--out", watched.path], environment: ["SDL_VIDEODRIVER": "offscreen"])
        if output.stderr.contains("built without the SDL window") {
            #expect(output.status != 0 && output.stderr.contains("--traits SDL"), "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: watched.path))
            return
        }
        #expect(output.status == 0, "\(output.stderr)")
        // How many episodes the window played depends on how fast training ran beside it.
        let watchedLine = output.stdout.split(separator: "\n").first { $0.hasPrefix("watched ") }
        #expect((watchedLine.flatMap { Int($0.dropFirst("watched ".count).prefix { $0.isNumber }) } ?? 0) >= 1, "\(output.stdout)")
        let alone = try DojoBinary.run(arguments + ["--out", plain.path])
        #expect(alone.status == 0, "\(alone.stderr)")
        let expected = try Data(contentsOf: plain.appendingPathComponent("final.safetensors"))
        #expect(try Data(contentsOf: watched.appendingPathComponent("final.safetensors")) == expected, "watching changes nothing in training")
    }
}
