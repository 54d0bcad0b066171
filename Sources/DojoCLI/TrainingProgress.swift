import Agents
import Foundation

/// `dojo train`'s progress output. On a terminal it redraws one live line (a bar, steps done of
/// the total, steps per second, episodes, the mean return of the last 100 episodes, the last
/// evaluation and the time left); off a terminal (CI, pipes) it prints a plain line per metrics
/// row; quiet, nothing.
final class TrainingProgress {
    enum Style {
        case live, lines, quiet
    }

    let style: Style
    let totalTimesteps: Int
    private(set) var lastEvaluation: Double?
    private var line = LiveLine()

    init(style: Style, totalTimesteps: Int) {
        self.style = style
        self.totalTimesteps = totalTimesteps
    }

    /// The style for standard output: live on a terminal, lines otherwise, or quiet.
    static func style(quiet: Bool) -> Style {
        quiet ? .quiet : isatty(STDOUT_FILENO) == 1 ? .live : .lines
    }

    /// Reports a metrics row.
    func metrics(_ row: MetricsRow) {
        switch style {
        case .quiet:
            return
        case .lines:
            print(Self.line(row))
            fflush(nil)
        case .live:
            let remaining = row.stepsPerSecond > 0 ? Double(max(0, totalTimesteps - row.timesteps)) / row.stepsPerSecond : nil
            let evaluation = lastEvaluation.map { "  eval \(Self.format($0))" } ?? ""
            let text = "\(Self.bar(done: row.timesteps, of: totalTimesteps)) \(row.timesteps)/\(totalTimesteps) steps  \(Int(row.stepsPerSecond)) steps/s  episodes \(row.episodes)  mean return \(row.meanReturn.map(Self.format) ?? "-")\(evaluation)  ETA \(remaining.map(Self.duration) ?? "-")"
            line.draw(text)
        }
    }

    /// Reports a periodic evaluation.
    func evaluation(_ record: EvaluationRecord) {
        lastEvaluation = record.result.meanReturn
        if style == .lines {
            print("evaluation at \(record.timesteps): mean return \(String(format: "%.2f", record.result.meanReturn)) over \(record.result.episodes) episodes")
        }
    }

    /// Ends the live line so that what follows starts on a line of its own.
    func finish() {
        line.end()
    }

    /// A metrics row as a plain progress line.
    static func line(_ row: MetricsRow) -> String {
        let loss = row.loss.map { String(format: "%.4f", $0) } ?? "-"
        let epsilon = row.epsilon.map { "  epsilon \(String(format: "%.3f", $0))" } ?? ""
        return "steps \(row.timesteps)  episodes \(row.episodes)  mean return (100) \(row.meanReturn.map(format) ?? "-")  loss \(loss)\(epsilon)  \(Int(row.stepsPerSecond)) steps/s"
    }

    /// `[#######.............]`, filled in proportion to `done` of `total`.
    static func bar(done: Int, of total: Int, width: Int = 20) -> String {
        let filled = total > 0 ? min(width, done * width / total) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `42s`, `3m05s` or `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3_600 { return String(format: "%dm%02ds", whole / 60, whole % 60) }
        return String(format: "%dh%02dm", whole / 3_600, whole % 3_600 / 60)
    }
}
