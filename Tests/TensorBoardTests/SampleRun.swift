import Foundation
import TensorBoard

/// A short run logged with CleanRL's scalar names, shared by the Swift and Python read-backs.
enum SampleRun {
    /// (tag, step, value, wall time), in logging order; 0.1 and 1e-300 show the rounding to `Float`.
    static let scalars: [(tag: String, step: Int, value: Double, wallTime: Double)] = [
        ("charts/episodic_return", 120, 21, 1_700_000_001.25),
        ("charts/SPS", 500, 4_812, 1_700_000_002.5),
        ("losses/td_loss", 500, 0.1, 1_700_000_002.5),
        ("losses/policy_loss", 1_000, -0.0123, 1_700_000_003),
        ("losses/value_loss", 1_000, 37.5, 1_700_000_003),
        ("losses/entropy", 1_000, 0.693, 1_700_000_003),
        ("charts/learning_rate", 1_000, 2.5e-4, 1_700_000_003),
        ("charts/episodic_return", 1_500, 500, 1_700_000_004),
        ("losses/td_loss", 3_000_000_000, 1e-300, 1_700_000_005),
    ]

    /// The file's creation time, in whole seconds so the name is predictable.
    static let creationTime = 1_700_000_000.75

    /// A new folder under the temporary directory, not yet created.
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dojo-tensorboard-\(UUID().uuidString)")
    }

    /// Writes ``scalars`` into `folder` and closes the file.
    static func write(to folder: URL) throws -> URL {
        let writer = try TensorBoardWriter(folder: folder, creationTime: creationTime, hostname: "testhost", fileSuffix: ".dojo")
        for scalar in scalars {
            try writer.addScalar(tag: scalar.tag, value: scalar.value, step: scalar.step, wallTime: scalar.wallTime)
        }
        try writer.close()
        return writer.fileURL
    }
}
