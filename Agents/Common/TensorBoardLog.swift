import Foundation
import TensorBoard

/// A run's TensorBoard event file, with CleanRL's scalar names so `tensorboard --logdir runs`
/// shows Dojo's runs beside PyTorch ones: `charts/episodic_return` per finished episode, and
/// per metrics row `charts/SPS`, `charts/learning_rate`, `losses/td_loss` (DQN) or
/// `losses/policy_loss`, `losses/value_loss` and `losses/entropy` (policy gradients), with
/// `charts/epsilon` and `eval/mean_return` besides.
final class TensorBoardLog {
    private let writer: TensorBoardWriter
    /// Episodes finished since the last row, as `(timesteps, return)`: kept until the row is
    /// written, so the stepping loop makes no system calls.
    private var episodes: [(timesteps: Int, value: Double)] = []

    /// Opens a new event file in `folder`, named as TensorFlow names them (time, host, process)
    /// with a counter when a run resumed in the same second already has that name.
    init(folder: URL) throws(AgentError) {
        let process = ProcessInfo.processInfo.processIdentifier
        var attempt = 0
        while true {
            do {
                writer = try TensorBoardWriter(folder: folder, fileSuffix: ".\(process)" + (attempt == 0 ? "" : ".\(attempt)"))
                break
            } catch .fileNotCreated(let path, _) where attempt < 1_000 && FileManager.default.fileExists(atPath: path) {
                attempt += 1
            } catch {
                throw .file(path: folder.path, reason: "cannot start the TensorBoard event file: \(error)")
            }
        }
        episodes.reserveCapacity(1_024)
    }

    /// Notes a finished episode's return, at `timesteps`.
    func episodeEnded(return value: Double, timesteps: Int) {
        episodes.append((timesteps, value))
    }

    /// Writes the episodes noted since the last row.
    func writeEpisodes() throws(AgentError) {
        let scalars = episodes.map { ("charts/episodic_return", $0.value, $0.timesteps) }
        episodes.removeAll(keepingCapacity: true)
        try add(scalars)
    }

    /// Writes the episodes noted since the last row, then the row's scalars.
    func write(_ row: MetricsRow) throws(AgentError) {
        try writeEpisodes()
        var scalars = [("charts/SPS", row.stepsPerSecond, row.timesteps)]
        if let learningRate = row.learningRate { scalars.append(("charts/learning_rate", learningRate, row.timesteps)) }
        if let epsilon = row.epsilon { scalars.append(("charts/epsilon", epsilon, row.timesteps)) }
        if let policyLoss = row.policyLoss {
            scalars.append(("losses/policy_loss", policyLoss, row.timesteps))
            if let valueLoss = row.valueLoss { scalars.append(("losses/value_loss", valueLoss, row.timesteps)) }
            if let entropy = row.entropy { scalars.append(("losses/entropy", entropy, row.timesteps)) }
        } else if let loss = row.loss {
            scalars.append(("losses/td_loss", loss, row.timesteps))
        }
        try add(scalars)
    }

    /// Writes an evaluation's mean return.
    func write(_ record: EvaluationRecord) throws(AgentError) {
        try add([("eval/mean_return", record.result.meanReturn, record.timesteps)])
    }

    private func add(_ scalars: [(tag: String, value: Double, step: Int)]) throws(AgentError) {
        do {
            for scalar in scalars { try writer.addScalar(tag: scalar.tag, value: scalar.value, step: scalar.step) }
        } catch {
            throw .file(path: writer.fileURL.path, reason: "cannot write TensorBoard scalars: \(error)")
        }
    }
}
