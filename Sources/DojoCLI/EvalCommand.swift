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
            timesteps (trained), seed.
            """
    )

    @Option(help: "A checkpoint written by dojo train (e.g. runs/CartPole-v1-dqn-0-20261202-101500/final.safetensors).")
    var checkpoint: String

    @Option(help: "Number of episodes.")
    var episodes = 100

    @Option(help: "Seed of the first episode; later episodes continue the environment's stream.")
    var seed: UInt64 = 0

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    func validate() throws {
        guard episodes > 0 else { throw ValidationError("--episodes: expected a positive number, got \(episodes)") }
    }

    func run() throws {
        let (policy, metadata) = try loadPolicy(from: URL(fileURLWithPath: checkpoint))
        let result = try evaluate(
            policy: policy, environmentID: metadata.environmentID, registry: .standard, episodes: episodes, seed: seed,
            checkpoint: (metadata, checkpoint))
        if json {
            guard case .object(var fields) = evaluationJSON(result, environmentID: metadata.environmentID, agent: metadata.agent) else { return }
            fields["checkpoint"] = .string(checkpoint)
            fields["timesteps"] = .number(Double(metadata.timesteps))
            fields["seed"] = .number(Double(seed))
            print(JSONValue.object(fields).jsonText)
        } else {
            print("\(metadata.agent) on \(metadata.environmentID) (\(metadata.timesteps) steps trained), \(result.episodes) episodes:")
            print(String(format: "mean return %.2f ± %.2f, mean length %.1f", result.meanReturn, result.standardDeviationOfReturn, result.meanLength))
            if let rate = result.successRate { print(String(format: "success rate %.3f", rate)) }
        }
    }
}
