import Foundation

/// Runs Python snippets for the interoperability tests.
///
/// Uses `<package>/.venv/bin/python` when present, else `python3` on the PATH; the interpreter
/// needs `safetensors`, `numpy`, `onnx` and `onnxruntime`. Set up with:
///
///     python3 -m venv .venv && .venv/bin/pip install safetensors numpy onnx onnxruntime
enum PythonRunner {
    /// The package folder: this file sits in `Tests/NeuralCoreTests/Support/`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `script` with `python -c`, returning the exit status and the combined output.
    static func run(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let venv = Self.packageRoot.appendingPathComponent(".venv/bin/python")
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = ["-c", script] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script] + arguments
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
