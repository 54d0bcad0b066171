import CPseudoTerminal
import Foundation

#if canImport(Glibc)
import Glibc

private let readBytes = Glibc.read
private let writeBytes = Glibc.write
#elseif canImport(Darwin)
import Darwin

private let readBytes = Darwin.read
private let writeBytes = Darwin.write
#endif

/// Runs `dojo` attached to a pseudo-terminal, as a person at a terminal would: the test types
/// lines and reads what the program prints, prompts included.
final class PseudoTerminal {
    private let controller: Int32
    private let process = Process()
    private(set) var transcript = ""

    init(arguments: [String]) throws {
        var device: Int32 = -1
        controller = dojo_open_pseudo_terminal(&device)
        guard controller >= 0 else { throw POSIXError(.ENODEV) }
        let handle = FileHandle(fileDescriptor: device, closeOnDealloc: true)
        process.executableURL = DojoBinary.url
        process.arguments = arguments
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(controller)
    }

    /// Types `line` and Return.
    func type(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { writeBytes(controller, $0.baseAddress, $0.count) }
    }

    /// Reads output until `text` has appeared in the transcript; see `read(until:seconds:)`.
    @discardableResult
    func read(until text: String, seconds: Double = 120) -> Bool {
        read(until: { $0.contains(text) }, seconds: seconds)
    }

    /// Reads output until `isComplete` holds for the transcript. The time limit only keeps a
    /// broken program from hanging the suite: a passing run never comes near it, however
    /// loaded the machine.
    @discardableResult
    func read(until isComplete: (String) -> Bool, seconds: Double = 120) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !isComplete(transcript), Date() < deadline {
            var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = readBytes(controller, &buffer, buffer.count)
            guard count > 0 else { break }
            transcript += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return isComplete(transcript)
    }

    /// Waits for the program to exit and returns its status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
