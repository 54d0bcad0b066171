import Foundation

/// Runs the built `dojo` executable, which sits beside the test bundle in the build folder.
struct DojoBinary {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dojo")
    }

    /// Runs `dojo` with `arguments` (in `directory`, or the current one; with `environment`
    /// added to this process's variables) and waits for it.
    static func run(
        _ arguments: [String], input: String? = nil, in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `dojo` and parses its stdout as one JSON value.
    static func json(_ arguments: [String]) throws -> Any {
        let output = try run(arguments)
        guard output.status == 0 else {
            throw NSError(domain: "dojo", code: Int(output.status), userInfo: [NSLocalizedDescriptionKey: output.stderr])
        }
        return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8), options: [.fragmentsAllowed])
    }

    /// Starts `dojo` with `arguments`, waits until its standard output shows `text` (or it
    /// ends), sends it `signal`, and waits for it: how tests interrupt or kill a run at a
    /// point of its progress rather than of the clock.
    static func signal(_ arguments: [String], with signal: Int32, after text: String) throws -> (process: Process, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        var seen = ""
        while !seen.contains(text) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, signal)
        seen += String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process, seen, message)
    }
}
