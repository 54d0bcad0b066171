import ArgumentParser
import Dojo
import Environments

/// `dojo inspect`: everything known about one environment, including the transition model of
/// tabular environments.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe one environment: spaces, limits, rendering, and its transition model if tabular.",
        discussion: """
            JSON keys: id, summary, observation_space, action_space, max_episode_steps, \
            reward_threshold, render_modes, render_fps, and for tabular environments \
            transition_model: {"states": S, "actions": A, "transitions": [state][action] -> \
            [{"probability", "next_state", "reward", "terminated"}]} in the environment's order.

            Examples:
              dojo inspect --env FrozenLake-v1
              dojo inspect --env FrozenLake-v1 --options '{"is_slippery": false}' --json
            """
    )

    @Option(help: "Registered environment id.")
    var env: String

    @Option(help: "Options for making the environment, as a JSON object.")
    var options: String?

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    func run() throws {
        let registry = EnvironmentRegistry.standard
        let spec = try registry.spec(env)
        let made = try parseOptions(options, flag: "--options")
        guard case .object(var description) = try describe(spec, registry: registry, options: made) else { return }
        if let tabular = try registry.make(id: env, options: made).unwrapped as? any TabularEnvironment {
            description["transition_model"] = transitionModel(tabular)
        }
        if json {
            print(JSONValue.object(description).jsonText)
            return
        }
        for key in description.keys.sorted() where key != "transition_model" {
            print("\(key): \(description[key]!.jsonText)")
        }
        if let model = description["transition_model"] {
            print("transition_model: \(model["states"]?.jsonText ?? "?") states x \(model["actions"]?.jsonText ?? "?") actions (use --json for the table)")
        }
    }

    private func transitionModel(_ environment: some TabularEnvironment) -> JSONValue {
        let table: [JSONValue] = (0..<environment.stateCount).map { state in
            .array((0..<environment.actionCount).map { action in
                .array(environment.transitions(state: state, action: action).map { transition in
                    [
                        "probability": .number(transition.probability),
                        "next_state": .number(Double(transition.nextState)),
                        "reward": .number(transition.reward),
                        "terminated": .bool(transition.terminated),
                    ]
                })
            })
        }
        return [
            "states": .number(Double(environment.stateCount)),
            "actions": .number(Double(environment.actionCount)),
            "transitions": .array(table),
        ]
    }
}
