import Foundation
import Testing

/// Runs `Scripts/describe_images.py` under Python with Pillow, the independent decoder the
/// PNG and GIF writers are checked against.
///
/// The interpreter is `$DOJO_PYTHON` when set, else `.venv/bin/python` at the package root
/// when it exists (the local development venv), else `python3` from the `PATH`. CI sets
/// `DOJO_PYTHON` or installs Pillow for `python3` (`python3 -m pip install pillow`).
struct Pillow {
    /// What Pillow reports about one image file.
    struct Description: Decodable {
        var format: String
        var width: Int
        var height: Int
        var frames: Int
        var loop: Int
        var durations: [Int]
        var pixels: [[UInt8]]
    }

    /// The Python interpreter to run.
    let python: String

    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let script = packageRoot.appendingPathComponent("Tests/RenderingTests/Scripts/describe_images.py").path

    /// The interpreter to try: `$DOJO_PYTHON`, else the package's `.venv`, else `python3`.
    private static var candidate: Pillow {
        let venv = packageRoot.appendingPathComponent(".venv/bin/python").path
        let python = ProcessInfo.processInfo.environment["DOJO_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3")
        return Pillow(python: python)
    }

    private var canImportPillow: Bool {
        (try? run(["-c", "import PIL"]))?.status == 0
    }

    /// Whether the Pillow checks run: always when `DOJO_REQUIRE_PYTHON=1` (CI, where a missing
    /// Pillow must fail), otherwise only where Pillow is installed, so the README's test command
    /// also passes on a machine that has nothing but Swift.
    static let shouldRun: Bool = ProcessInfo.processInfo.environment["DOJO_REQUIRE_PYTHON"] == "1" || candidate.canImportPillow

    /// Finds the interpreter, or records an issue telling how to install Pillow and returns
    /// nil when it cannot import Pillow.
    static func find(sourceLocation: SourceLocation = #_sourceLocation) -> Pillow? {
        let pillow = candidate
        let python = pillow.python
        guard pillow.canImportPillow else {
            Issue.record("""
                The independent decoder check needs Python with Pillow, and \(python) cannot \
                import PIL. Install it with `\(python) -m pip install pillow`, or point \
                DOJO_PYTHON at an interpreter that has it (for a local venv: \
                `python3 -m venv .venv && .venv/bin/pip install pillow`).
                """, sourceLocation: sourceLocation)
            return nil
        }
        return pillow
    }

    /// Pillow's description of each file in `paths`.
    func describe(_ paths: [String]) throws -> [String: Description] {
        let result = try run([Pillow.script] + paths)
        guard result.status == 0 else {
            throw PillowFailure(message: "describe_images.py failed: \(result.errors)")
        }
        return try JSONDecoder().decode([String: Description].self, from: result.output)
    }

    /// Has Pillow write its test pattern (see the script) as a PNG in `mode` at `path`, and
    /// returns Pillow's own description of the file it wrote.
    func writePattern(to path: String, mode: String) throws -> Description? {
        let result = try run([Pillow.script, "--write-png", path, mode])
        guard result.status == 0 else {
            throw PillowFailure(message: "describe_images.py --write-png failed: \(result.errors)")
        }
        return try JSONDecoder().decode([String: Description].self, from: result.output)[path]
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, outputData, String(decoding: errorData, as: UTF8.self))
    }
}

/// Python ran but did not do what the test asked.
struct PillowFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
