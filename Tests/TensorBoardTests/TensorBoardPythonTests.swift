import Foundation
import TensorBoard
import TestSupport
import Testing

/// The `tensorboard` package's own reader (the pipeline behind its scalars dashboard) reads the
/// files Dojo writes: same tags, steps, values and wall times, every record's checksums accepted.
@Suite("TensorBoard's Python reader")
struct TensorBoardPythonTests {
    @Test(
        "tensorboard reads back every scalar with its step, value and wall time",
        .enabled(if: PythonRunner.shouldRun(importing: ["tensorboard"]), "needs Python with tensorboard (Tests/requirements.txt); CI sets DOJO_REQUIRE_PYTHON=1 so it always runs there"))
    func tensorboardReadsEveryScalar() throws {
        let folder = SampleRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleRun.write(to: folder)

        let script = try String(
            contentsOf: PythonRunner.packageRoot.appendingPathComponent("Tests/TensorBoardTests/Scripts/read_events.py"), encoding: .utf8)
        let (status, output) = try PythonRunner.run(script, arguments: [folder.path])
        #expect(status == 0, "python failed: \(output)")
        guard status == 0 else { return }
        // The JSON is the last line; tensorboard may log warnings before it.
        let json = output.split(separator: "\n").last.map(String.init) ?? ""
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(decoded["file_version"] as? Double == 2)
        #expect(decoded["events"] as? [Int] == [SampleRun.scalars.count + 1])
        #expect(decoded["first_writer"] as? String == "dojo.TensorBoardWriter")
        let scalars = try #require(decoded["scalars"] as? [String: [[Double]]])
        let expected = Dictionary(grouping: SampleRun.scalars, by: \.tag)
        #expect(Set(scalars.keys) == Set(expected.keys))
        for (tag, written) in expected {
            let read = scalars[tag] ?? []
            #expect(read.map { Int($0[0]) } == written.map(\.step), "steps of \(tag)")
            #expect(read.map { Float($0[1]) } == written.map { Float($0.value) }, "values of \(tag)")
            #expect(read.map { $0[2] } == written.map(\.wallTime), "wall times of \(tag)")
        }
    }
}
