import Agents
import Foundation
import Synchronization

#if SDL
/// What the training thread tells the window: the evaluations so far, and whether training
/// has ended.
final class LiveTraining: Sendable {
    private let state = Mutex<(evaluations: [EvaluationRecord], finished: Bool)>(([], false))
    private let done = DispatchSemaphore(value: 0)

    func evaluated(_ record: EvaluationRecord) {
        state.withLock { $0.evaluations.append(record) }
    }

    func finish() {
        state.withLock { $0.finished = true }
        done.signal()
    }

    var evaluations: [EvaluationRecord] { state.withLock { $0.evaluations } }
    var isFinished: Bool { state.withLock { $0.finished } }

    func waitUntilFinished() {
        done.wait()
        done.signal()
    }
}
#endif
