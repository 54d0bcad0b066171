import Foundation
import Testing

/// `dojo train` stopping on purpose and failing on the way: `--stop-after`, output folders it
/// cannot use, and a disk that fills during the run.
@Suite struct TrainStopAndFailureTests {
    /// `--stop-after` ends a run early with a resumable checkpoint, exit status 0, and
    /// `--resume` then finishes it.
    @Test func stopAfterLeavesAResumableRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-stop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stopped = try DojoBinary.run(["train", "--agent", "ppo", "--preset", "zoo", "--seed", "3", "--stop-after", "2000", "--out", folder.path, "--quiet"])
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stopped after 2048 steps as --stop-after asked") && stopped.stderr.contains("--resume"), "\(stopped.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("checkpoints/latest.safetensors").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("final.safetensors").path))
        let resumed = try DojoBinary.run(["train", "--resume", folder.path, "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("final.safetensors").path))
        let refused = try DojoBinary.run(["train", "--stop-after", "0"])
        #expect(refused.status != 0 && refused.stderr.contains("--stop-after"))
    }

    /// `--out` into a folder that cannot be made or written, or whose parent is missing, is
    /// refused before anything is trained, naming the folder.
    @Test func outIntoAMissingOrReadOnlyFolderIsRefused() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-missing-\(UUID().uuidString)/run")
        let noParent = try DojoBinary.run(["train", "--steps", "1000", "--out", missing.path])
        #expect(noParent.status != 0 && noParent.stderr.contains("does not exist; make it first"), "\(noParent.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        // /sys refuses new folders even to root, unlike a folder made read-only with chmod.
        let readOnly = try DojoBinary.run(["train", "--steps", "1000", "--out", "/sys/dojo-run"])
        #expect(readOnly.status != 0 && readOnly.stderr.contains("/sys/dojo-run: cannot make the folder"), "\(readOnly.stderr)")
    }

    /// A full disk, simulated by a file-size limit (`ulimit -f`, with SIGXFSZ ignored) under
    /// which writing the next checkpoint fails: the resumed run stops with a message naming
    /// the file and a non-zero exit, and the checkpoint it started from is left as it was.
    @Test func aWriteThatFailsStopsTheRunAndKeepsEarlierFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try DojoBinary.run(["train", "--agent", "ppo", "--preset", "zoo", "--seed", "3", "--stop-after", "2000", "--out", folder.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let latest = folder.appendingPathComponent("checkpoints/latest.safetensors")
        let before = try Data(contentsOf: latest)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\"", DojoBinary.url.path, "train", "--resume", folder.path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(stderr.contains("latest.safetensors") && stderr.lowercased().contains("too large"), "\(stderr)")
        #expect(try Data(contentsOf: latest) == before)
    }
}
