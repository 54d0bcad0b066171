#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes scalars to a TensorBoard event file, so `tensorboard --logdir runs` plots Dojo's runs
/// beside PyTorch's.
///
/// The file is the one TensorFlow and PyTorch's `SummaryWriter` write: a first event naming the
/// format (`brain.Event:2`), then one event per scalar holding a `simple_value`, each framed as a
/// checksummed record. Every record goes to the operating system as it is added, so a running
/// TensorBoard sees it at once and a crashed run keeps everything logged before the crash.
///
/// It is a class because it owns an open file: copies would share it, and `deinit` closes it.
/// It stays inside one training loop, so it is not `Sendable`.
///
/// ```swift
/// let writer = try TensorBoardWriter(folder: URL(fileURLWithPath: "runs/CartPole-v1__dqn__1"))
/// try writer.addScalar(tag: "charts/episodic_return", value: 500, step: 20_000)
/// try writer.addScalar(tag: "losses/td_loss", value: 0.031, step: 20_000)
/// try writer.close()
/// ```
public final class TensorBoardWriter {
    /// The event file, `events.out.tfevents.<unix seconds>.<hostname><suffix>` in the folder.
    public let fileURL: URL

    /// The open file, or -1 once closed.
    private var descriptor: Int32

    /// Framed records not yet written, in order; empty unless a write failed.
    private var pending: [UInt8] = []

    /// Creates the folder if needed, then the event file with its first event.
    ///
    /// - Parameters:
    ///   - folder: The run's folder, such as `runs/CartPole-v1__dqn__1`; TensorBoard shows each
    ///     folder under `--logdir` as a run.
    ///   - creationTime: Seconds since the Unix epoch, for the file name and the first event.
    ///   - hostname: The machine's name, for the file name.
    ///   - fileSuffix: Appended to the file name, to tell apart files made in the same second.
    /// - Throws: ``TensorBoardError`` when the folder or the file cannot be created or written,
    ///   or a file of that name already exists.
    public init(
        folder: URL,
        creationTime: Double = Date().timeIntervalSince1970,
        hostname: String = ProcessInfo.processInfo.hostName,
        fileSuffix: String = ""
    ) throws(TensorBoardError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .folderNotCreated(path: folder.path, reason: error.localizedDescription)
        }
        fileURL = folder.appendingPathComponent(Self.fileName(creationTime: creationTime, hostname: hostname, suffix: fileSuffix))
        descriptor = open(fileURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .fileNotCreated(path: fileURL.path, reason: String(cString: strerror(errno)))
        }
        var first = Tensorboard_Event()
        first.wallTime = creationTime
        first.fileVersion = "brain.Event:2"
        first.sourceMetadata.writer = "dojo.TensorBoardWriter"
        try append(first)
    }

    deinit {
        // Best effort only: close() is where failures are reported.
        guard descriptor >= 0 else { return }
        try? writePending()
        _ = closeFile(descriptor)
    }

    /// Appends one scalar to its series.
    ///
    /// TensorBoard stores scalars as 32-bit floats, so `value` is rounded to `Float` as PyTorch's
    /// `add_scalar` does.
    ///
    /// - Parameters:
    ///   - tag: The series, with slashes grouping series into sections: `charts/episodic_return`,
    ///     `charts/SPS`, `losses/td_loss`, `losses/policy_loss`, `losses/value_loss`,
    ///     `losses/entropy`, `charts/learning_rate`.
    ///   - value: The value at `step`.
    ///   - step: The x-axis position, usually the global environment step.
    ///   - wallTime: Seconds since the Unix epoch, for TensorBoard's relative and wall-time axes.
    /// - Throws: ``TensorBoardError/writeFailed(path:reason:unwrittenBytes:)``; the record is
    ///   kept and written before the next one.
    /// - Precondition: The writer is not closed.
    public func addScalar(tag: String, value: Double, step: Int, wallTime: Double = Date().timeIntervalSince1970) throws(TensorBoardError) {
        precondition(descriptor >= 0, "expected an open TensorBoardWriter, got one already closed (adding \(tag))")
        var scalar = Tensorboard_Summary.Value()
        scalar.tag = tag
        scalar.simpleValue = Float(value)
        var event = Tensorboard_Event()
        event.wallTime = wallTime
        event.step = Int64(step)
        event.summary.value = [scalar]
        try append(event)
    }

    /// Writes any records left over from a failed write, then asks the operating system to put
    /// the file on disk (`fsync`), so the run survives a power cut as well as a crash.
    ///
    /// - Throws: ``TensorBoardError/writeFailed(path:reason:unwrittenBytes:)``.
    /// - Precondition: The writer is not closed.
    public func flush() throws(TensorBoardError) {
        precondition(descriptor >= 0, "expected an open TensorBoardWriter, got one already closed (flushing)")
        try writePending()
        guard fsync(descriptor) == 0 else {
            throw .writeFailed(path: fileURL.path, reason: String(cString: strerror(errno)), unwrittenBytes: 0)
        }
    }

    /// Writes any records left over from a failed write and closes the file; closing a closed
    /// writer does nothing.
    ///
    /// - Throws: ``TensorBoardError/writeFailed(path:reason:unwrittenBytes:)``; when the
    ///   leftover records cannot be written the file stays open, so `close()` can be tried again.
    public func close() throws(TensorBoardError) {
        guard descriptor >= 0 else { return }
        try writePending()
        let result = closeFile(descriptor)
        descriptor = -1
        guard result == 0 else {
            throw .writeFailed(path: fileURL.path, reason: String(cString: strerror(errno)), unwrittenBytes: 0)
        }
    }

    /// TensorFlow's name for an event file: whole seconds padded to ten digits, as `%010d`.
    private static func fileName(creationTime: Double, hostname: String, suffix: String) -> String {
        precondition(creationTime >= 0 && creationTime < 1e15, "expected creationTime in seconds since the Unix epoch, got \(creationTime)")
        let seconds = String(Int(creationTime))
        return "events.out.tfevents.\(String(repeating: "0", count: max(0, 10 - seconds.count)))\(seconds).\(hostname)\(suffix)"
    }

    /// Frames `event` as a record behind any pending ones and writes them all.
    private func append(_ event: Tensorboard_Event) throws(TensorBoardError) {
        let payload: [UInt8]
        do {
            payload = try event.serializedBytes()
        } catch {
            throw .writeFailed(path: fileURL.path, reason: "cannot encode the event: \(error)", unwrittenBytes: pending.count)
        }
        TFRecord.append(payload, to: &pending)
        try writePending()
    }

    /// Writes `pending` from its start, dropping only the bytes the system accepted.
    private func writePending() throws(TensorBoardError) {
        var written = 0
        defer { pending.removeFirst(written) }
        while written < pending.count {
            let result = pending.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .writeFailed(path: fileURL.path, reason: String(cString: strerror(code)), unwrittenBytes: pending.count - written)
            }
            written += result
        }
    }
}

/// The system's `close`, which the writer's own `close()` hides inside the class.
private func closeFile(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
