import Agents
import Foundation
import Testing

/// `RunFolder.keepRows(upTo:)`, which a resumed run calls: rows past its checkpoint and rows a
/// killed process left half written are dropped, whole earlier rows kept.
@Suite struct RunFolderTests {
    @Test func resumingKeepsOnlyWholeRowsUpToTheCheckpoint() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let folder = try RunFolder(url: url)
        let row = { (steps: Int) in "\(steps),1,20.5,0.1,,,,0.001,0.5,1000.0" }
        try folder.write([MetricsRow.csvHeader, row(100), row(200), row(300), "30"].joined(separator: "\n"), to: RunFolder.Name.progress)
        try folder.write([EvaluationRecord.csvHeader, "200,5,10.0,1.0,10.0,", "300,5,12"].joined(separator: "\n") + "\n", to: RunFolder.Name.evaluations)
        try folder.keepRows(upTo: 200)
        let progress = try String(contentsOf: folder.file(RunFolder.Name.progress), encoding: .utf8)
        #expect(progress == [MetricsRow.csvHeader, row(100), row(200)].joined(separator: "\n") + "\n")
        let evaluations = try String(contentsOf: folder.file(RunFolder.Name.evaluations), encoding: .utf8)
        #expect(evaluations == EvaluationRecord.csvHeader + "\n200,5,10.0,1.0,10.0,\n")
    }
}
