import Agents
import Dojo
import Foundation

/// A run folder's history as its files record it: the environment and agent from
/// `config.json`, the mean return of the last 100 episodes from `progress.csv` and the
/// evaluations from `eval.csv`, against environment steps. Read from the files, so that a
/// resumed run's curve is whole and `dojo plot` draws any run.
struct RunHistory {
    let folder: URL
    let environmentID: String
    let agent: String
    let seed: UInt64?
    /// `(timesteps, mean_return_100)` for rows that have finished episodes.
    let training: [(x: Double, y: Double)]
    /// `(timesteps, mean_return)` of each evaluation.
    let evaluation: [(x: Double, y: Double)]

    /// Reads the run in `folder`.
    ///
    /// - Throws: ``CommandError`` naming the file that is missing or malformed.
    init(folder: URL) throws {
        self.folder = folder
        let configurationURL = folder.appendingPathComponent(RunFolder.Name.configuration)
        guard let data = try? Data(contentsOf: configurationURL) else {
            throw CommandError("\(folder.path): not a run folder (no config.json)")
        }
        let configuration = try? JSONValue(parsing: String(decoding: data, as: UTF8.self)).objectValue
        guard let configuration, let environmentID = configuration["env"]?.stringValue, let agent = configuration["agent"]?.stringValue else {
            throw CommandError("\(configurationURL.path): expected a run's config.json with env and agent")
        }
        self.environmentID = environmentID
        self.agent = agent
        seed = configuration["seed"]?.doubleValue.flatMap { UInt64(exactly: $0) }
        training = try Self.column("mean_return_100", of: folder.appendingPathComponent(RunFolder.Name.progress))
        evaluation = try Self.column("mean_return", of: folder.appendingPathComponent(RunFolder.Name.evaluations))
    }

    /// The run folders `path` names: itself, or the `seed-N` runs of a `--seeds` group folder.
    static func runFolders(at path: String) -> [URL] {
        let url = URL(fileURLWithPath: path)
        let seeds = (try? FileManager.default.contentsOfDirectory(atPath: path))?.filter { $0.hasPrefix("seed-") }.sorted() ?? []
        let runs = seeds.map { url.appendingPathComponent($0) }.filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent(RunFolder.Name.configuration).path) }
        return runs.isEmpty ? [url] : runs
    }

    /// The `(timesteps, name)` pairs of a CSV file with a `timesteps` column, skipping rows
    /// where `name` is empty; no points when the file does not exist.
    private static func column(_ name: String, of url: URL) throws -> [(x: Double, y: Double)] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
            let stepColumn = header.firstIndex(of: "timesteps"), let valueColumn = header.firstIndex(of: name)
        else {
            throw CommandError("\(url.path): expected a header with timesteps and \(name)")
        }
        var points: [(x: Double, y: Double)] = []
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count, let x = Double(fields[stepColumn]) else {
                throw CommandError("\(url.path): line \(index + 2) is malformed")
            }
            if let y = Double(fields[valueColumn]) { points.append((x, y)) }
        }
        return points
    }
}
