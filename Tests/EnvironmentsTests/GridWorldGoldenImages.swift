import Foundation
import Rendering
import Testing

/// Golden-image checks for the GridWorld family's `rgb` renders.
///
/// Each golden is a PNG in `Fixtures/Golden/GridWorld/`, read from the test bundle. A frame is
/// compared with its golden exactly, byte for byte; a difference fails the test with the
/// first differing pixel (in reading order) and the number of differing pixels.
///
/// To regenerate the goldens after an intended change of the drawing, run
///
///     DOJO_UPDATE_GOLDEN=1 swift test --filter GridWorldRendering
///
/// Each check then writes its frame into the source tree instead (the folder is found from
/// this file's `#filePath`, so run it from a checkout), and the test still runs its pixel
/// assertions. Look at the new PNGs before committing them: the goldens are only as right as
/// the pictures they hold.
enum GridWorldGolden {
    /// The goldens' folder inside the test target, as bundled.
    static let subdirectory = "Fixtures/Golden/GridWorld"

    /// The goldens' folder in the source tree, next to this file.
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(subdirectory)

    /// Whether `DOJO_UPDATE_GOLDEN=1` asks for the goldens to be written rather than compared.
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["DOJO_UPDATE_GOLDEN"] == "1" }

    /// Compares `frame` with the golden `name`.png, or writes it there when updating.
    static func check(_ frame: Frame, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isUpdating {
            try PNGFile.write(frame, to: sourceFolder.appendingPathComponent("\(name).png").path)
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "png", subdirectory: subdirectory) else {
            Issue.record("no golden \(subdirectory)/\(name).png; \(regenerateHint)", sourceLocation: sourceLocation)
            return
        }
        let golden = try PNGFile.read(from: url.path)
        if let difference = firstDifference(frame, golden) {
            Issue.record("\(name).png: \(difference); \(regenerateHint)", sourceLocation: sourceLocation)
        }
    }

    /// How to regenerate, for failure messages.
    private static let regenerateHint =
        "to accept the new frame, run DOJO_UPDATE_GOLDEN=1 swift test --filter GridWorldRendering and look at the PNGs"

    /// A description of how `frame` differs from `golden`, or `nil` when they are identical.
    static func firstDifference(_ frame: Frame, _ golden: Frame) -> String? {
        guard frame.width == golden.width, frame.height == golden.height else {
            return "frame is \(frame.width) x \(frame.height), golden is \(golden.width) x \(golden.height)"
        }
        guard frame.pixels != golden.pixels else { return nil }
        var first: (x: Int, y: Int)?
        var count = 0
        for y in 0..<frame.height {
            for x in 0..<frame.width where frame[x, y] != golden[x, y] {
                count += 1
                if first == nil { first = (x, y) }
            }
        }
        guard let (x, y) = first else { return nil }
        return "first differing pixel (\(x), \(y)) is \(frame[x, y]), golden has \(golden[x, y]); "
            + "\(count) of \(frame.width * frame.height) pixels differ"
    }
}
