import ArgumentParser
import Dojo
import Environments

/// `dojo list`: the registered environments with their spaces, time limit and reward threshold.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the registered environments.",
        discussion: """
            Examples:
              dojo list
              dojo list --json
            """
    )

    @Flag(help: "Print one JSON array on stdout instead of a table.")
    var json = false

    func run() throws {
        let registry = EnvironmentRegistry.standard
        var rows: [JSONValue] = []
        for spec in registry.all {
            rows.append(try describe(spec, registry: registry))
        }
        if json {
            print(JSONValue.array(rows).jsonText)
            return
        }
        for row in rows {
            let limit = row["max_episode_steps"]?.intValue.map(String.init) ?? "-"
            let threshold = row["reward_threshold"]?.doubleValue.map { "\($0)" } ?? "-"
            print("\(row["id"]?.stringValue ?? "")")
            print("  observation: \(row["observation_space"]?.jsonText ?? "")")
            print("  action:      \(row["action_space"]?.jsonText ?? "")")
            print("  time limit:  \(limit)   reward threshold: \(threshold)")
        }
    }
}

/// The JSON description of one registered environment, shared by `list` and `inspect`.
func describe(_ spec: EnvironmentSpec, registry: EnvironmentRegistry, options: Options = [:]) throws -> JSONValue {
    let environment = try registry.make(id: spec.id, options: options)
    return [
        "id": .string(spec.id),
        "summary": .string(spec.summary),
        "observation_space": environment.observationSpaceDescription,
        "action_space": environment.actionSpaceDescription,
        "max_episode_steps": spec.maxEpisodeSteps.map { .number(Double($0)) } ?? .null,
        "reward_threshold": spec.rewardThreshold.map { .number($0) } ?? .null,
        "render_modes": .array(environment.metadata.renderModes.map { .string($0.rawValue) }),
        "render_fps": .number(Double(environment.metadata.renderFPS)),
    ]
}
