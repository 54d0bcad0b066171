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

/// The id's environment as an existential with integer observations and actions.
func makeIndexEnvironment(_ id: String, options: Options = [:]) throws -> any Environment<Int, Int> {
    let environment = try EnvironmentRegistry.standard.make(id: id, options: options)
    guard let typed = environment as? any Environment<Int, Int> else {
        throw EnvironmentError.invalidDefinition("\(id) does not have integer observations and actions")
    }
    return typed
}
