import Foundation
import Testing

/// Issue 14's catalogue of bad input, one case each: unknown names, broken map files, broken
/// config files and damaged or mismatched checkpoints. Every case must end with a non-zero
/// exit and a message naming what is wrong, and must leave every file in its folder as it
/// was (a previous run's folder included) and make no new one. Output folders that cannot be
/// used and a disk that fills up are in ``TrainStopAndFailureTests``.
@Suite struct BadInputCatalogueTests {
    /// One bad input: files to put in a fresh folder, the command, and what its error must
    /// say. `$DIR` in the arguments and the mention stands for the folder.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: FileContent] = [:]
        var arguments: [String]
        var mention: String
        var testDescription: String { name }
    }

    /// What a case's file holds.
    enum FileContent: Sendable {
        case text(String)
        case bytes([UInt8])
        /// `count` copies of one byte.
        case repeated(UInt8, count: Int)
        /// A small trained CartPole PPO checkpoint, damaged as named.
        case checkpoint(CheckpointDamage)
    }

    static let mapRun = ["train", "--env", "GridWorld-v0", "--agent", "ppo", "--steps", "256", "--out", "$DIR/out", "--options", #"{"map_file": "$DIR/map.txt"}"#]
    static let configRun = ["train", "--config", "$DIR/config.json", "--steps", "256", "--out", "$DIR/out"]
    static let evaluation = ["eval", "--checkpoint", "$DIR/model.safetensors", "--episodes", "2"]

    static let cases: [Case] = [
        Case(name: "unknown environment", arguments: ["train", "--env", "CartPol-v1", "--out", "$DIR/out"], mention: "CartPol-v1"),
        Case(name: "unknown agent", arguments: ["train", "--agent", "sac", "--out", "$DIR/out"], mention: "--agent: expected dqn, ppo, a2c or reinforce, got sac"),
        Case(name: "unknown preset", arguments: ["train", "--agent", "ppo", "--preset", "fastest", "--out", "$DIR/out"], mention: "fastest"),
        Case(name: "unknown subcommand", arguments: ["trian"], mention: "trian"),
        Case(name: "unknown flag", arguments: ["train", "--stpes", "100", "--out", "$DIR/out"], mention: "--stpes"),
        Case(name: "unknown setting", arguments: ["train", "--set", "gama=0.9", "--out", "$DIR/out"], mention: "did you mean 'gamma'?"),
        Case(name: "unknown environment option", arguments: ["train", "--env", "FrozenLake-v1", "--options", #"{"slippery": false}"#, "--out", "$DIR/out"], mention: "slippery"),
        Case(name: "environment option of the wrong type", arguments: ["train", "--env", "FrozenLake-v1", "--options", #"{"is_slippery": "no"}"#, "--out", "$DIR/out"], mention: "is_slippery"),

        Case(name: "malformed map", files: ["map.txt": .text("S.X\n..G\n")], arguments: mapRun, mention: "$DIR/map.txt:1:3: unknown character \"X\""),
        Case(name: "truncated map", files: ["map.txt": .text("SFFF\nFHFH\nFF")], arguments: mapRun, mention: "$DIR/map.txt:3:3: ragged row: expected 4 cells like the first row, got 2"),
        Case(name: "empty map", files: ["map.txt": .text("")], arguments: mapRun, mention: "$DIR/map.txt: empty map"),
        Case(name: "huge map file", files: ["map.txt": .repeated(UInt8(ascii: "F"), count: (4 << 20) + 1)], arguments: mapRun, mention: "$DIR/map.txt: map file too large"),
        Case(name: "map wider than 1024", files: ["map.txt": .text("S" + String(repeating: "F", count: 1100) + "G\n")], arguments: mapRun, mention: "$DIR/map.txt:1:1025: map too large"),
        Case(name: "binary map", files: ["map.txt": .bytes([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0xFF, 0xFE, 0x00])], arguments: mapRun, mention: "$DIR/map.txt: could not read the map file as UTF-8 text"),
        Case(name: "missing map", arguments: mapRun, mention: "$DIR/map.txt: no such map file"),

        Case(name: "config that is not JSON", files: ["config.json": .text(#"{"gamma": }"#)], arguments: configRun, mention: "--config $DIR/config.json: not JSON"),
        Case(name: "config that is not an object", files: ["config.json": .text("[0.99]")], arguments: configRun, mention: "expected a JSON object"),
        Case(name: "config with a wrong type", files: ["config.json": .text(#"{"learning_rate": "fast"}"#)], arguments: configRun, mention: "'learning_rate': cannot use \"fast\""),
        Case(name: "config with an unknown key", files: ["config.json": .text(#"{"learnin_rate": 0.001}"#)], arguments: configRun, mention: "did you mean 'learning_rate'?"),
        Case(name: "config with an out-of-range value", files: ["config.json": .text(#"{"gamma": 1.5}"#)], arguments: configRun, mention: "'gamma': expected a value in [0, 1], got 1.5"),
        Case(name: "config whose sizes overflow", files: ["config.json": .text(#"{"n_steps": 4611686018427387904}"#)], arguments: ["train", "--agent", "ppo", "--config", "$DIR/config.json", "--out", "$DIR/out"], mention: "'n_steps': expected n_steps * n_envs of at most 16777216"),
        Case(name: "config too deeply nested", files: ["config.json": .text(String(repeating: "[", count: 100_000))], arguments: configRun, mention: "nesting deeper than 512 levels"),

        Case(name: "truncated checkpoint", files: ["model.safetensors": .checkpoint(.truncated)], arguments: evaluation, mention: "lie outside the"),
        Case(name: "checkpoint shorter than its length prefix", files: ["model.safetensors": .checkpoint(.shorterThanPrefix)], arguments: evaluation, mention: "expected at least 8 bytes for the header length"),
        Case(name: "corrupt checkpoint header", files: ["model.safetensors": .checkpoint(.corruptHeader)], arguments: evaluation, mention: "invalid header: not valid JSON"),
        Case(name: "corrupt checkpoint architecture", files: ["model.safetensors": .checkpoint(.corruptArchitecture)], arguments: evaluation, mention: "'architecture' in __metadata__: missing key 'type'"),
        Case(name: "checkpoint architecture far larger than its weights", files: ["model.safetensors": .checkpoint(.hugeArchitecture)], arguments: evaluation, mention: "needs at least 16000056 parameters, but the file holds 107 values"),
        Case(name: "checkpoint header claiming more than the file holds", files: ["model.safetensors": .checkpoint(.headerLength(1 << 20))], arguments: evaluation, mention: "header declares 1048576 bytes"),
        Case(name: "checkpoint header length near 2^64", files: ["model.safetensors": .checkpoint(.headerLength(UInt64.max - 7))], arguments: evaluation, mention: "header declares 18446744073709551608 bytes"),
        Case(name: "checkpoint shape disagreeing with its offsets", files: ["model.safetensors": .checkpoint(.widenedShape)], arguments: evaluation, mention: "of shape [8, 5] needs 160 bytes, its data_offsets span 128"),
        Case(name: "checkpoint tensors overlapping", files: ["model.safetensors": .checkpoint(.overlappingRanges)], arguments: evaluation, mention: "overlaps the tensor before it"),
        Case(name: "checkpoint tensors leaving a gap", files: ["model.safetensors": .checkpoint(.gapBetweenRanges)], arguments: evaluation, mention: "leaves a gap"),
        Case(name: "checkpoint with NaN weights", files: ["model.safetensors": .checkpoint(.notANumber)], arguments: evaluation, mention: "holds NaN or infinite values"),
        Case(name: "checkpoint from another environment", files: ["model.safetensors": .checkpoint(.intact)], arguments: evaluation + ["--env", "FrozenLake-v1"], mention: "trained on CartPole-v1"),
        Case(
            name: "checkpoint of another architecture",
            files: ["model.safetensors": .checkpoint(.intact)],
            arguments: ["train", "--agent", "ppo", "--init-from", "$DIR/model.safetensors", "--set", "net_arch=[16]", "--out", "$DIR/out"],
            mention: "'policy.0.weight' expected shape [16, 4], got [8, 4]"),
        Case(
            name: "checkpoint of another agent",
            files: ["model.safetensors": .checkpoint(.intact)],
            arguments: ["train", "--agent", "dqn", "--init-from", "$DIR/model.safetensors", "--out", "$DIR/out"],
            mention: "$DIR/model.safetensors: holds a 'ppo' agent, not dqn"),
        Case(
            name: "resume from a truncated latest checkpoint",
            files: ["run/checkpoints/latest.safetensors": .checkpoint(.truncated), "run/progress.csv": .text("timesteps,episodes\n256,3\n")],
            arguments: ["train", "--resume", "$DIR/run"],
            mention: "lie outside the"),
    ]

    @Test(arguments: cases)
    func isRefusedByNameAndTouchesNoFile(_ bad: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-bad-input-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let previousRun = folder.appendingPathComponent("previous/final.safetensors")
        try write(.checkpoint(.intact), to: previousRun)
        for (path, content) in bad.files { try write(content, to: folder.appendingPathComponent(path)) }
        let before = try snapshot(folder)

        let arguments = bad.arguments.map { $0.replacingOccurrences(of: "$DIR", with: folder.path) }
        let output = try DojoBinary.run(arguments, in: folder)

        let mention = bad.mention.replacingOccurrences(of: "$DIR", with: folder.path)
        #expect(output.status != 0, "\(bad.name): exit status 0\n\(output.stdout)")
        #expect(output.stderr.contains(mention), "\(bad.name): expected \(mention.debugDescription) in:\n\(output.stderr)")
        #expect(!output.stderr.contains("Fatal error") && !output.stderr.contains("DecodingError"), "\(output.stderr)")
        #expect(try snapshot(folder) == before, "\(bad.name) changed the files in its folder")
    }

    /// Every path under `folder` (folders too) with the bytes of each file.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            files[path] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
        }
        return files
    }

    private func write(_ content: FileContent, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let bytes: Data = switch content {
        case .text(let text): Data(text.utf8)
        case .bytes(let bytes): Data(bytes)
        case let .repeated(byte, count): Data(repeating: byte, count: count)
        case .checkpoint(let damage): try damage.apply(to: TrainedCheckpoint.bytes.get())
        }
        try bytes.write(to: url)
    }
}
