import Foundation

/// Runs the built `dojo` with a window and clicks in it through `xdotool`, as a person with a
/// mouse would: it waits for the window titled `title` to be shown, left-clicks each point
/// (window pixels) in order, and waits for `dojo` to end.
enum WindowClicker {
    static let xdotool = "/usr/bin/xdotool"

    /// Longest wait for `dojo` to end once clicked: a guard against a window that never closes,
    /// not a measure of speed.
    static let patience: DispatchTimeInterval = .seconds(120)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `dojo arguments`, clicks `clicks` in its window, and returns what it printed; a
    /// `dojo` that ends without showing a window (a build without the SDL trait) is not clicked.
    static func run(_ arguments: [String], title: String, clicks: [(x: Int, y: Int)]) throws -> DojoBinary.Output {
        let dojoEnded = DispatchSemaphore(value: 0), somethingEnded = DispatchSemaphore(value: 0)
        let dojo = Process()
        dojo.executableURL = DojoBinary.url
        dojo.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SDL_VIDEODRIVER"] = nil
        dojo.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        (dojo.standardOutput, dojo.standardError, dojo.standardInput) = (stdout, stderr, FileHandle.nullDevice)
        dojo.terminationHandler = { _ in
            dojoEnded.signal()
            somethingEnded.signal()
        }
        let search = Process()
        search.executableURL = URL(fileURLWithPath: xdotool)
        search.arguments = ["search", "--sync", "--onlyvisible", "--name", title]
        let found = Pipe()
        search.standardOutput = found
        search.terminationHandler = { _ in somethingEnded.signal() }
        try dojo.run()
        try search.run()
        somethingEnded.wait()
        if search.isRunning {
            search.terminate()
        } else if dojo.isRunning {
            let listed = String(decoding: found.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            guard let window = listed.split(separator: "\n").first.map(String.init) else {
                dojo.terminate()
                throw Failure(description: "xdotool found no window named \(title.debugDescription)")
            }
            try click(clicks, in: window)
            if dojoEnded.wait(timeout: .now() + patience) == .timedOut {
                dojo.terminate()
                throw Failure(description: "dojo kept its window open after the game's clicks")
            }
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
        dojo.waitUntilExit()
        search.waitUntilExit()
        return DojoBinary.Output(
            status: dojo.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Left-clicks each point of `clicks` in X window `window`, in one `xdotool` run.
    private static func click(_ clicks: [(x: Int, y: Int)], in window: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xdotool)
        process.arguments = clicks.flatMap { ["mousemove", "--window", window, String($0.x), String($0.y), "click", "1"] }
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "xdotool could not click in window \(window) (status \(process.terminationStatus))")
        }
    }
}
