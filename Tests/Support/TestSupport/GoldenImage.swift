import Foundation
import Rendering

/// Compares rendered frames with checked-in PNGs ("golden images").
///
/// Goldens live in the test target's `Fixtures/Golden/<group>/<name>.png`. To regenerate them
/// after a deliberate drawing change, run the tests with `DOJO_UPDATE_GOLDEN=1`: the frames
/// are then written into the source tree (found from the calling test file) instead of compared.
public enum GoldenImage {
    /// Whether this run rewrites goldens instead of checking them.
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["DOJO_UPDATE_GOLDEN"] == "1"
    }

    /// `nil` when `frame` equals the golden `name` in `group`, else a message naming the first
    /// differing pixel (or the missing file). In update mode, writes the golden and returns `nil`.
    public static func mismatch(
        _ frame: Frame, name: String, group: String, bundle: Bundle, testFile: String = #filePath
    ) -> String? {
        if isUpdating {
            let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/Golden/\(group)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try PNGFile.write(frame, to: folder.appendingPathComponent("\(name).png").path)
            } catch {
                return "could not write golden \(group)/\(name).png: \(error)"
            }
            return nil
        }
        guard let url = bundle.url(forResource: name, withExtension: "png", subdirectory: "Fixtures/Golden/\(group)") else {
            return "no golden image Fixtures/Golden/\(group)/\(name).png; run with DOJO_UPDATE_GOLDEN=1 to create it"
        }
        let golden: Frame
        do {
            golden = try PNGFile.read(from: url.path)
        } catch {
            return "golden \(group)/\(name).png unreadable: \(error)"
        }
        guard golden.width == frame.width, golden.height == frame.height else {
            return "size \(frame.width)x\(frame.height), golden \(golden.width)x\(golden.height)"
        }
        for y in 0..<frame.height {
            for x in 0..<frame.width where frame[x, y] != golden[x, y] {
                return "first difference at pixel (\(x), \(y)): \(frame[x, y]), golden \(golden[x, y])"
            }
        }
        return nil
    }
}
