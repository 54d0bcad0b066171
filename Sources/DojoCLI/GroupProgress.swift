import Agents
import Foundation
import Synchronization

/// `dojo train --seeds`' progress output, fed from every seed's thread: on a terminal one live
/// line for the whole group (a bar, steps done of the total, steps per second, each seed's mean
/// return of the last 100 episodes, the time left); off a terminal a line per metrics row,
/// prefixed by its seed; quiet, nothing.
final class GroupProgress: Sendable {
    let style: TrainingProgress.Style
    let seeds: [UInt64]
    let totalTimesteps: Int
    private let state: Mutex<State>
    private let start = ContinuousClock.now

    private struct State {
        var timesteps: [UInt64: Int] = [:]
        var meanReturns: [UInt64: Double] = [:]
        var line = LiveLine()
    }

    init(style: TrainingProgress.Style, seeds: [UInt64], totalTimesteps: Int) {
        self.style = style
        self.seeds = seeds
        self.totalTimesteps = totalTimesteps
        state = Mutex(State())
    }

    /// Reports seed `seed`'s metrics row.
    func metrics(seed: UInt64, row: MetricsRow) {
        state.withLock { state in
            state.timesteps[seed] = row.timesteps
            state.meanReturns[seed] = row.meanReturn
            switch style {
            case .quiet:
                return
            case .lines:
                print("seed \(seed): \(TrainingProgress.line(row))")
                fflush(nil)
            case .live:
                let done = state.timesteps.values.reduce(0, +)
                let total = totalTimesteps * seeds.count
                let seconds = (ContinuousClock.now - start) / .seconds(1)
                let rate = seconds > 0 ? Double(done) / seconds : 0
                let remaining = rate > 0 ? TrainingProgress.duration(Double(total - done) / rate) : "-"
                let returns = seeds.map { seed in state.meanReturns[seed].map(TrainingProgress.format) ?? "-" }.joined(separator: " ")
                let text = "\(TrainingProgress.bar(done: done, of: total)) \(done)/\(total) steps  \(Int(rate)) steps/s  mean returns \(returns)  ETA \(remaining)"
                state.line.draw(text)
            }
        }
    }

    /// Ends the live line so that what follows starts on a line of its own.
    func finish() {
        state.withLock { $0.line.end() }
    }
}
