import Foundation
import TestSupport
import Testing

/// `dojo export --onnx` through the built tool: the exported model, run in onnxruntime, gives
/// the outputs and greedy actions of the checkpoint's own network.
@Suite struct ExportCommandTests {
    @Test(
        .enabled(if: PythonRunner.shouldRun(importing: ["onnxruntime", "safetensors", "numpy"]), "needs Python with onnxruntime (Tests/requirements.txt)"),
        arguments: ["dqn", "ppo", "a2c"])
    func exportedPolicyMatchesTheCheckpoint(agent: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run")
        let trained = try DojoBinary.run(["train", "--agent", agent, "--steps", "2000", "--out", run.path, "--quiet"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let checkpoint = run.appendingPathComponent("final.safetensors").path
        let model = folder.appendingPathComponent("policy.onnx").path
        let exported = try DojoBinary.run(["export", "--checkpoint", checkpoint, "--onnx", model])
        #expect(exported.status == 0 && exported.stdout.contains("[batch, 4]"), "\(exported.stderr)")

        let (status, text) = try PythonRunner.run(file: "Tests/DojoCLITests/Scripts/onnx_matches_checkpoint.py", arguments: [model, checkpoint, "4"])
        #expect(status == 0, "\(text)")
        let report = try JSONSerialization.jsonObject(with: Data((text.split(separator: "\n").last ?? "").utf8)) as? [String: Any]
        #expect(report?["input"] as? String == "observation")
        #expect((report?["max_difference"] as? Double ?? 1) < 1e-4, "\(text)")
        let actions = report?["actions_onnx"] as? [Int] ?? []
        #expect(actions.count == 1_000 && actions == report?["actions_numpy"] as? [Int])
    }

    @Test func badExportsAreRefusedByName() throws {
        let missing = try DojoBinary.run(["export", "--checkpoint", "/nonexistent/final.safetensors", "--onnx", "/tmp/never.onnx"])
        #expect(missing.status != 0 && missing.stderr.contains("/nonexistent/final.safetensors"), "\(missing.stderr)")
        let wrongSuffix = try DojoBinary.run(["export", "--checkpoint", "x.safetensors", "--onnx", "model.bin"])
        #expect(wrongSuffix.status != 0 && wrongSuffix.stderr.contains("--onnx"), "\(wrongSuffix.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.onnx"))
    }
}
