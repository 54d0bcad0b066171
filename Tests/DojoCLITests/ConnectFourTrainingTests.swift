import Agents
import Dojo
import Environments
import Foundation
import NeuralCore
import Testing

/// ConnectFour's self-play preset trains for longer than CI can afford (about 13 minutes), so
/// CI replays its first updates: `dojo train --env ConnectFour-v0 --seed 1`, stopped early,
/// must still make the networks fingerprinted in `Fixtures/`, bit for bit.
@Suite struct ConnectFourTrainingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let firstUpdates = fixtures.appendingPathComponent("ConnectFour-v0-ppo-1-first-updates.json")
    /// Steps of the preset's run whose networks the first-updates fixture fingerprints.
    static let firstSteps = 16_384

    /// The documented command, stopped after its first updates, ends with the networks the
    /// fixture fingerprints (recorded on an AVX-512 machine; another instruction set rounds
    /// differently, and there two runs of the command must still agree bit for bit).
    /// `DOJO_RECORD_FIXTURES=1` rewrites the fixture.
    @Test func trainingCommandReproducesTheFirstUpdates() throws {
        let fingerprint = try firstUpdatesFingerprint()
        let kernel = isUsingAVX512Kernel ? "avx512" : isUsingAVX2Kernel ? "avx2" : "portable"
        if ProcessInfo.processInfo.environment["DOJO_RECORD_FIXTURES"] == "1" {
            let record: JSONValue = ["kernel": .string(kernel), "steps": .number(Double(Self.firstSteps)), "fingerprint": .string(fingerprint)]
            try Data(record.jsonText.utf8).write(to: Self.firstUpdates)
        }
        let recorded = try JSONValue(parsing: String(contentsOf: Self.firstUpdates, encoding: .utf8))
        #expect(recorded["steps"] == .number(Double(Self.firstSteps)))
        if recorded["kernel"] == .string(kernel) {
            #expect(recorded["fingerprint"] == .string(fingerprint))
        } else {
            #expect(try firstUpdatesFingerprint() == fingerprint)
        }
    }

    /// FNV-1a over the bits of the actor's and the critic's tensors, in name order, after the
    /// preset's first `firstSteps` steps from seed 1.
    private func firstUpdatesFingerprint() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-connectfour-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DojoBinary.run(["train", "--env", "ConnectFour-v0", "--seed", "1", "--stop-after", "\(Self.firstSteps)", "--out", folder.path, "--quiet"])
        #expect(output.status == 0, "\(output.stderr)")
        let file = try SafeTensors(contentsOf: folder.appendingPathComponent("checkpoints/latest.safetensors"))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (name, tensor) in file.tensors.sorted(by: { $0.name < $1.name }) where name.hasPrefix("policy.") || name.hasPrefix("value.") {
            for scalar in tensor.scalars {
                var bits = scalar.bitPattern
                for _ in 0..<4 {
                    hash = (hash ^ UInt64(bits & 0xff)) &* 0x0000_0100_0000_01b3
                    bits >>= 8
                }
            }
        }
        return String(hash, radix: 16)
    }
}
