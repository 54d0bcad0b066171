import Foundation
import ArgumentParser
import Dojo
import Environments

/// `dojo rollout`: replays a fixed action sequence and prints the trajectory, so trajectories
/// can be compared with another implementation of the same environment.
struct RolloutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Play a given action sequence in an environment and print the trajectory.",
        discussion: """
            Output (--json): {"env": ID, "seed": N|null, "reset_options": {...}, "observation": \
            first observation, "info": {...}, "steps": [{"action", "observation", "reward", \
            "terminated", "truncated", "info"}, ...]}. The rollout stops with an error if the \
            episode ends while actions remain.

            Examples:
              dojo rollout --env CartPole-v1 --seed 3 --actions 1,0,1 --json
              dojo rollout --env FrozenLake-v1 --options '{"is_slippery": false}' --actions 1,1,2,2,1,2
            """
    )

    @Option(help: "Registered environment id, e.g. CartPole-v1.")
    var env: String

    @Option(help: "Options for making the environment, as a JSON object (e.g. '{\"is_slippery\": false}').")
    var options: String?

    @Option(help: "Seed for the first reset.")
    var seed: UInt64?

    @Option(name: .customLong("reset-options"), help: "Reset options as a JSON object, e.g. '{\"state\": [0, 0, 0.1, 0]}'.")
    var resetOptions: String?

    @Option(help: "Actions, comma-separated (0,1,1) or a JSON array ([[0.5, -1], [1, 0]]).")
    var actions: String

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    func run() throws {
        let reset = try parseOptions(resetOptions, flag: "--reset-options")
        let actionValues = try parseActions(actions)
        var environment = try EnvironmentRegistry.standard.make(id: env, options: try parseOptions(options, flag: "--options"))
        let trajectory = try play(&environment, seed: seed, options: reset, actions: actionValues)
        let output: JSONValue = [
            "env": .string(env),
            "seed": seed.map { .number(Double($0)) } ?? .null,
            "reset_options": .object(reset),
            "observation": trajectory.first,
            "info": .object(trajectory.info),
            "steps": .array(trajectory.steps),
        ]
        if json {
            print(output.jsonText)
        } else {
            print("reset: \(trajectory.first.jsonText)")
            for (index, step) in trajectory.steps.enumerated() {
                let flags = "terminated \(step["terminated"]?.jsonText ?? "") truncated \(step["truncated"]?.jsonText ?? "")"
                print("\(index): action \(step["action"]?.jsonText ?? "") -> \(step["observation"]?.jsonText ?? "") reward \(step["reward"]?.jsonText ?? "") \(flags)")
            }
        }
    }

    private func play<E: Environment>(
        _ environment: inout E, seed: UInt64?, options: Options, actions: [JSONValue]
    ) throws -> (first: JSONValue, info: Info, steps: [JSONValue]) {
        let space = environment.observationSpace
        let reset = try environment.reset(seed: seed, options: options)
        var steps: [JSONValue] = []
        for (index, value) in actions.enumerated() {
            if let last = steps.last, last["terminated"] == true || last["truncated"] == true {
                throw CommandError("the episode ended at step \(index - 1) but \(actions.count - index) action(s) remain")
            }
            let action: E.Action
            do {
                action = try environment.actionSpace.element(from: value)
            } catch {
                throw CommandError("action \(index) (\(value.jsonText)): \(error)")
            }
            let result = environment.step(action)
            steps.append([
                "action": value,
                "observation": space.jsonValue(of: result.observation),
                "reward": .number(result.reward),
                "terminated": .bool(result.terminated),
                "truncated": .bool(result.truncated),
                "info": .object(result.info),
            ])
        }
        return (space.jsonValue(of: reset.observation), reset.info, steps)
    }

    private func parseActions(_ text: String) throws -> [JSONValue] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("[") {
            guard let items = try JSONValue(parsing: trimmed).arrayValue else {
                throw ValidationError("--actions: expected a JSON array")
            }
            return items
        }
        return try trimmed.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, item in
            guard let number = Double(item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--actions: item \(index) \(String(item).debugDescription) is not a number")
            }
            return .number(number)
        }
    }
}

/// Parses a JSON object given on the command line for `flag`.
func parseOptions(_ text: String?, flag: String) throws -> Options {
    guard let text else { return [:] }
    let value: JSONValue
    do {
        value = try JSONValue(parsing: text)
    } catch {
        throw ValidationError("\(flag): \(error)")
    }
    guard let object = value.objectValue else {
        throw ValidationError("\(flag): expected a JSON object, got \(value.kindDescription)")
    }
    return object
}

/// A failure the tool reports in one line before exiting with a non-zero status.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
