import Dojo
import Environments
import Foundation
import Testing

/// The text of a fixture in the test bundle's `Fixtures/FrozenLake/`.
func gridWorldFixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/FrozenLake/\(name)", withExtension: nil))
    return try String(contentsOf: url, encoding: .utf8)
}

/// A reference model file: its map rows and its `P` lines, keyed by state and action.
struct ReferenceModel {
    var mapRows: [String] = []
    var transitions: [[Int]: [Transition]] = [:]
    /// The `state action` keys in file order.
    var order: [[Int]] = []

    /// Parses `state action | prob next reward terminated ; ...` lines after the map rows.
    init(text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let halves = line.split(separator: "|")
            guard halves.count == 2 else {
                mapRows.append(String(line))
                continue
            }
            let key = halves[0].split(separator: " ").compactMap { Int($0) }
            let outcomes = halves[1].split(separator: ";").map { part in
                let fields = part.split(separator: " ")
                return Transition(
                    probability: Double(fields[0]) ?? .nan, nextState: Int(fields[1]) ?? -1,
                    reward: Double(fields[2]) ?? .nan, terminated: fields[3] == "1")
            }
            transitions[key] = outcomes
            order.append(key)
        }
    }
}

/// The optimal finite-horizon plan of a tabular environment with reward 1 at the goal: the
/// largest probability of reaching the goal within `h` steps, by backward induction (value
/// iteration over the horizon), and the action that achieves it.
struct FiniteHorizonPlan {
    /// `values[h][s]`: the best expected return from `s` with `h` steps left.
    var values: [[Double]]
    /// `actions[h][s]`: an action achieving `values[h][s]`, for `h >= 1`.
    var actions: [[Int]]

    init<E: TabularEnvironment>(_ environment: E, horizon: Int) {
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

/// The id's environment as an existential with integer observations and actions.
func makeIndexEnvironment(_ id: String, options: Options = [:]) throws -> any Environment<Int, Int> {
    let environment = try EnvironmentRegistry.standard.make(id: id, options: options)
    guard let typed = environment as? any Environment<Int, Int> else {
        throw EnvironmentError.invalidDefinition("\(id) does not have integer observations and actions")
    }
    return typed
}
