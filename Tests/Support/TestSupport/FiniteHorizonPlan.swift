import Dojo

/// The optimal finite-horizon plan of a tabular environment with reward 1 at the goal: the
/// largest probability of reaching the goal within `h` steps, by backward induction (value
/// iteration over the horizon), and the action that achieves it.
public struct FiniteHorizonPlan: Sendable {
    /// `values[h][s]`: the best expected return from `s` with `h` steps left.
    public var values: [[Double]]
    /// `actions[h][s]`: an action achieving `values[h][s]`, for `h >= 1`.
    public var actions: [[Int]]

    /// Plans `horizon` steps ahead in `environment`'s transition model.
    public init<E: TabularEnvironment>(_ environment: E, horizon: Int) {
        values = [[Double](repeating: 0, count: environment.stateCount)]
        actions = [[Int](repeating: 0, count: environment.stateCount)]
        for stepsLeft in 1...horizon {
            let next = values[stepsLeft - 1]
            var value = [Double](repeating: 0, count: environment.stateCount)
            var best = [Int](repeating: 0, count: environment.stateCount)
            for state in 0..<environment.stateCount {
                var bestValue = -Double.infinity
                for action in 0..<environment.actionCount {
                    let q = environment.transitions(state: state, action: action).reduce(0.0) { sum, outcome in
                        sum + outcome.probability * (outcome.reward + (outcome.terminated ? 0 : next[outcome.nextState]))
                    }
                    if q > bestValue {
                        bestValue = q
                        best[state] = action
                    }
                }
                value[state] = bestValue
            }
            values.append(value)
            actions.append(best)
        }
    }
}
