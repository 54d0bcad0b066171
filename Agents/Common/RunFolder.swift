import Foundation

/// The folder a training run writes into: checkpoints (`final`, `best`, `latest`), the
/// configuration and `metrics.csv`. Checkpoints are replaced atomically; the metrics file grows
/// a line per row.
public struct RunFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The folder at `url`, created with its parents if missing.
    ///
    /// - Throws: ``AgentError/file(path:reason:)`` when it cannot be created.
    public init(url: URL) throws(AgentError) {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .file(path: url.path, reason: "cannot create the run folder: \(error.localizedDescription)")
        }
    }

    /// The file `name` in the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The policy after the last step.
    public var finalCheckpoint: URL { file("final.safetensors") }
    /// The policy with the best evaluation so far.
    public var bestCheckpoint: URL { file("best.safetensors") }
    /// The resumable state of the latest checkpoint.
    public var latestCheckpoint: URL { file("latest.safetensors") }
    /// One CSV row per metrics interval.
    public var metrics: URL { file("metrics.csv") }

    /// Writes `text` to the file `name` atomically.
    public func write(_ text: String, to name: String) throws(AgentError) {
        do {
            try Data(text.utf8).write(to: file(name), options: .atomic)
        } catch {
            throw .file(path: file(name).path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Appends `line` and a newline to the file `name`, creating it if missing.
    public func append(line: String, to name: String) throws(AgentError) {
        let url = file(name)
        do {
            if !FileManager.default.fileExists(atPath: url.path) {
                try Data().write(to: url)
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((line + "\n").utf8))
        } catch {
            throw .file(path: url.path, reason: "cannot append: \(error.localizedDescription)")
        }
    }

    /// Drops the metrics rows past `timesteps` (written after the checkpoint a run resumes
    /// from, before it stopped), so the resumed run's rows follow on without repeats.
    public func keepMetricsRows(upTo timesteps: Int) throws(AgentError) {
        guard let text = try? String(contentsOf: metrics, encoding: .utf8) else {
            try write(MetricsRow.csvHeader + "\n", to: "metrics.csv")
            return
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let kept = lines.enumerated().filter { index, line in
            index == 0 || (line.split(separator: ",").first.flatMap { Int($0) }.map { $0 <= timesteps } ?? false)
        }
        try write(kept.map { String($0.element) + "\n" }.joined(), to: "metrics.csv")
    }
}
