import Foundation

/// Runs Python snippets for the interoperability tests.
///
/// Uses `$DOJO_PYTHON` when set, else `<package>/.venv/bin/python` when present, else `python3`
/// on the PATH; the interpreter needs `safetensors`, `numpy`, `onnx`, `onnxruntime` and
/// `tensorboard` (`Tests/requirements.txt`). Set up with:
///
///     python3 -m venv .venv && .venv/bin/pip install -r Tests/requirements.txt
public enum PythonRunner {
    /// Whether tests needing `modules` run: always when `DOJO_REQUIRE_PYTHON=1` (CI, where a
    /// missing package must fail), otherwise only where the interpreter can import them, so the
    /// README's test command also passes on a machine that has nothing but Swift.
    public static func shouldRun(importing modules: [String]) -> Bool {
        if ProcessInfo.processInfo.environment["DOJO_REQUIRE_PYTHON"] == "1" { return true }
        return (try? run("import " + modules.joined(separator: ", "), arguments: []))?.status == 0
    }

    /// The package folder: this file sits in `Tests/Support/TestSupport/`.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `script` with `python -c`, returning the exit status and the combined output.
    public static func run(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        try launch(["-c", script] + arguments)
    }

    /// Runs the script file at `path` (relative to the package folder), so it can import its
    /// neighbours, returning the exit status and the combined output.
    public static func run(file path: String, arguments: [String]) throws -> (status: Int32, output: String) {
        try launch([packageRoot.appendingPathComponent(path).path] + arguments)
    }

    private static func launch(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let venv = Self.packageRoot.appendingPathComponent(".venv/bin/python")
        let process = Process()
        if let python = ProcessInfo.processInfo.environment["DOJO_PYTHON"], !python.isEmpty {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
        } else if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
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
