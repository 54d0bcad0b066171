import Foundation

/// The folder a training run writes into, with a fixed layout that scripts rely on:
///
/// - `config.json`: the resolved settings, the seed, Dojo's version and the machine;
/// - `progress.csv`: one row per metrics interval (``MetricsRow``);
/// - `eval.csv`: one row per periodic evaluation (``EvaluationRecord``);
/// - `checkpoints/latest.safetensors` (resumable) and `checkpoints/best.safetensors`;
/// - `final.safetensors`: the policy after the last step.
///
/// Files are replaced atomically; the CSV files grow a line per row.
public struct RunFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The folder at `url` and its `checkpoints` folder, created with their parents if missing.
    ///
    /// - Throws: ``AgentError/file(path:reason:)`` when they cannot be created.
    public init(url: URL) throws(AgentError) {
        self.url = url
        let checkpoints = url.appendingPathComponent(Self.checkpointsFolder)
        do {
            try FileManager.default.createDirectory(at: checkpoints, withIntermediateDirectories: true)
        } catch {
            throw .file(path: checkpoints.path, reason: "cannot create the run folder: \(error.localizedDescription)")
        }
    }

    /// The subfolder of the latest and best checkpoints.
    public static let checkpointsFolder = "checkpoints"

    /// The layout's file names, relative to the folder, for code that reads a run folder
    /// without making one (plots, resuming, tests).
    public enum Name {
        /// The settings and provenance.
        public static let configuration = "config.json"
        /// One row per metrics interval.
        public static let progress = "progress.csv"
        /// One row per periodic evaluation.
        public static let evaluations = "eval.csv"
        /// The policy after the last step.
        public static let finalCheckpoint = "final.safetensors"
        /// The resumable state of the latest checkpoint.
        public static let latestCheckpoint = "checkpoints/latest.safetensors"
        /// The policy with the best evaluation so far.
        public static let bestCheckpoint = "checkpoints/best.safetensors"
    }

    /// The file `name` (a path relative to the folder).
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The policy after the last step.
    public var finalCheckpoint: URL { file(Name.finalCheckpoint) }
    /// The policy with the best evaluation so far.
    public var bestCheckpoint: URL { file(Name.bestCheckpoint) }
    /// The resumable state of the latest checkpoint.
    public var latestCheckpoint: URL { file(Name.latestCheckpoint) }
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

    /// Drops the CSV rows past `timesteps` (written after the checkpoint a run resumes from,
    /// before it stopped), and any row a killed process left half written, so the resumed
    /// run's rows follow on whole and without repeats.
    public func keepRows(upTo timesteps: Int) throws(AgentError) {
        for (name, header) in [(Name.progress, MetricsRow.csvHeader), (Name.evaluations, EvaluationRecord.csvHeader)] {
            let columns = header.split(separator: ",").count
            let text = (try? String(contentsOf: file(name), encoding: .utf8)) ?? ""
            // Only lines that end in a newline were written whole.
            let whole = text.components(separatedBy: "\n").dropLast().dropFirst()
            let kept = whole.filter { line in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                return fields.count == columns && (Int(fields[0]).map { $0 <= timesteps } ?? false)
            }
            try write(([header] + kept).map { $0 + "\n" }.joined(), to: name)
        }
    }
}
