import Foundation
import Rendering
import Testing

/// Exact comparison of board game pictures with the PNG goldens checked in under
/// `Fixtures/Golden/BoardGames/<name>.png`.
///
/// To regenerate the goldens after a deliberate change to the drawing, run
///
///     DOJO_UPDATE_GOLDEN=1 swift test --filter EnvironmentsTests
///
/// which writes every picture into the source tree (found from this file's `#filePath`)
/// instead of comparing; look at the new PNGs, then commit them. A normal run compares and
/// fails naming the first pixel that differs.
enum BoardGameGoldenImages {
    /// The goldens' folder, relative to this file and inside the test bundle's resources.
    static let folder = "Fixtures/Golden/BoardGames"

    /// Whether this run writes the goldens rather than comparing with them.
    static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["DOJO_UPDATE_GOLDEN"] == "1"
    }

    /// Expects `frame` to equal the golden `name` pixel for pixel, or writes it as that golden
    /// when updating.
    static func expect(
        _ frame: Frame, matchesGolden name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if isUpdating {
            let folderURL = URL(filePath: #filePath).deletingLastPathComponent().appending(path: folder)
            try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
            try PNGFile.write(frame, to: folderURL.appending(path: "\(name).png").path)
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "png", subdirectory: folder),
            "no golden \(name).png in \(folder); write it with DOJO_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        let golden = try PNGFile.read(from: url.path)
        guard golden.width == frame.width, golden.height == frame.height else {
            Issue.record(
                "\(name): picture is \(frame.width) x \(frame.height), golden \(golden.width) x \(golden.height)",
                sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(frame, golden) {
            Issue.record("\(name): \(difference)", sourceLocation: sourceLocation)
        }
    }

    /// The first pixel, in row-major order, where two frames of the same size differ, described.
    private static func firstDifference(_ frame: Frame, _ golden: Frame) -> String? {
        for y in 0..<frame.height {
            for x in 0..<frame.width where frame[x, y] != golden[x, y] {
                return "first differing pixel (\(x), \(y)) is \(describe(frame[x, y])), golden \(describe(golden[x, y]))"
            }
        }
        return nil
    }

    private static func describe(_ color: RGB) -> String {
        "RGB(\(color.red), \(color.green), \(color.blue))"
    }
}
