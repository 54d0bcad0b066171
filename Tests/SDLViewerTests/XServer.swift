#if SDL
import Foundation
import Rendering

/// The X server the tests may use, and a screen capture through ImageMagick.
enum XServer {
    static let shouldTest: Bool = ProcessInfo.processInfo.environment["DOJO_REQUIRE_X11"] == "1"
        || (ProcessInfo.processInfo.environment["DISPLAY"] != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/import"))

    /// The whole screen as a frame.
    static func captureScreen() throws -> Frame {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-screen-\(getpid()).png").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/import")
        process.arguments = ["-window", "root", "png24:\(path)"]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try PNGFile.read(from: path)
    }
}
#endif
