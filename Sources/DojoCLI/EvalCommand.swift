import Agents
import ArgumentParser
import Dojo
import Environments
import Foundation

/// `dojo eval`: plays a checkpoint's greedy policy in its environment and reports the score.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a trained agent's checkpoint: mean and spread of return, length, success rate.",
        discussion: """
            The policy and its environment are rebuilt from the checkpoint alone (env_id, \
            architecture and hyperparameters in its metadata). --json prints one object: env, \
            agent, episodes, mean_return, std_return (population), mean_length, success_rate \
            (null where the environment has no notion of success), illegal_actions, checkpoint, \
            timesteps (trained), seed. --env and --options evaluate on another registered \
            environment or other options (the spaces must match the checkpoint's). --render \
            shows the first evaluation episode afterwards: ansi prints it as text, gif:PATH \
            records it as an animated GIF, window plays it in the SDL window (SDL trait).

            Example:
              dojo eval --checkpoint runs/CartPole-v1-dqn-0-20261202-101500/final.safetensors --episodes 100 --render gif:episode.gif
            """
    )

    @Option(help: "A checkpoint written by dojo train (e.g. runs/CartPole-v1-dqn-0-20261202-101500/final.safetensors).")
    var checkpoint: String

    @Option(help: "Registered environment id (the checkpoint's own by default; its spaces must match).")
    var env: String?

    @Option(help: "Options for making the environment, as a JSON object (default: the checkpoint's own).")
    var options: String?

    @Option(help: "Number of episodes.")
    var episodes = 100

    @Option(help: "Seed of the first episode; later episodes continue the environment's stream.")
    var seed: UInt64 = 0

    @Option(help: "Show the first episode afterwards: ansi, gif:PATH or window.")
    var render: String?

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    func validate() throws {
        guard episodes > 0 else { throw ValidationError("--episodes: expected a positive number, got \(episodes)") }
        if let render, !(render == "ansi" || render == "window" || (render.hasPrefix("gif:") && render.lowercased().hasSuffix(".gif"))) {
            throw ValidationError("--render: expected ansi, gif:PATH.gif or window, got \(render)")
        }
        if render != nil, json { throw ValidationError("--render: it prints to the terminal, which --json keeps for one object; drop one") }
    }

    func run() throws {
        let (policy, metadata) = try loadPolicy(from: URL(fileURLWithPath: checkpoint))
        let environmentID = env ?? metadata.environmentID
        let made = try options.map { try parseOptions($0, flag: "--options") } ?? (env == nil ? metadata.environmentOptions : [:])
        let result = try evaluate(
            policy: policy, environmentID: environmentID, registry: .standard, options: made, episodes: episodes, seed: seed,
            checkpoint: (metadata, checkpoint))
        if json {
            guard case .object(var fields) = evaluationJSON(result, environmentID: environmentID, agent: metadata.agent) else { return }
            fields["checkpoint"] = .string(checkpoint)
            fields["timesteps"] = .number(Double(metadata.timesteps))
            fields["seed"] = .number(Double(seed))
            print(JSONValue.object(fields).jsonText)
        } else {
            print("\(metadata.agent) on \(environmentID) (\(metadata.timesteps) steps trained), \(result.episodes) episodes:")
            print(String(format: "mean return %.2f ± %.2f, mean length %.1f", result.meanReturn, result.standardDeviationOfReturn, result.meanLength))
            if let rate = result.successRate { print(String(format: "success rate %.3f", rate)) }
        }
        if let render {
            var arguments = ["--checkpoint", checkpoint, "--env", environmentID, "--options", JSONValue.object(made).jsonText, "--seed", "\(seed)"]
            if render == "ansi" { arguments += ["--render", "ansi"] }
            if render.hasPrefix("gif:") { arguments += ["--record", String(render.dropFirst("gif:".count))] }
            var watch = try WatchCommand.parse(arguments)
            try watch.run()
        }
    }
}

/// An evaluation as `dojo eval --json` prints it.
func evaluationJSON(_ result: EvaluationResult, environmentID: String, agent: String) -> JSONValue {
    [
        "env": .string(environmentID), "agent": .string(agent), "episodes": .number(Double(result.episodes)),
        "mean_return": .number(result.meanReturn), "std_return": .number(result.standardDeviationOfReturn),
        "mean_length": .number(result.meanLength), "success_rate": result.successRate.map { .number($0) } ?? .null,
        "illegal_actions": .number(Double(result.illegalActions)),
    ]
}
