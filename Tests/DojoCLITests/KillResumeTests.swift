import Foundation
import Testing

/// Training processes killed with SIGKILL, twenty times at different points of their runs
/// (right after a progress line, which is when checkpoints are written): every time the latest
/// checkpoint loads, `--resume` finishes the run, and the CSV files hold only whole rows.
@Suite struct KillResumeTests {
    @Test func killedRunsResumeFromTheirLatestCheckpoint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for attempt in 0..<20 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let killAfter = 256 * Int(2 + (state >> 33) % 18)
            let agent = attempt.isMultiple(of: 2) ? "dqn" : "ppo"
            let run = folder.appendingPathComponent("run-\(attempt)")
            let arguments = [
                "train", "--agent", agent, "--seed", "\(attempt)", "--steps", "6000", "--set", "checkpoint_freq=256", "--set", "metrics_interval=256",
                "--out", run.path,
            ]
            let (process, seen, _) = try DojoBinary.signal(arguments, with: SIGKILL, after: "steps \(killAfter) ")
            #expect(process.terminationReason == .uncaughtSignal, "attempt \(attempt) (\(agent)) ended before the kill: \(seen)")

            let latest = run.appendingPathComponent("checkpoints/latest.safetensors")
            let loads = try DojoBinary.run(["eval", "--checkpoint", latest.path, "--episodes", "1"])
            #expect(loads.status == 0, "attempt \(attempt) (\(agent), killed after \(killAfter)): \(loads.stderr)")
            let resumed = try DojoBinary.run(["train", "--resume", run.path, "--quiet"])
            #expect(resumed.status == 0, "attempt \(attempt) (\(agent), killed after \(killAfter)): \(resumed.stderr)")
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("final.safetensors").path))
            for name in ["progress.csv", "eval.csv"] {
                let lines = try String(contentsOf: run.appendingPathComponent(name), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                let columns = lines.first?.split(separator: ",").count ?? 0
                let rows = lines.dropFirst().filter { !$0.isEmpty }
                #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns }, "\(name): \(lines)")
                let steps = rows.compactMap { Int($0.prefix { $0 != "," }) }
                #expect(steps.count == rows.count && zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 }, "\(name) steps \(steps)")
            }
        }
    }
}
