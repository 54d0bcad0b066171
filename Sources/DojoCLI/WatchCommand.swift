import Agents
import ArgumentParser
import Dojo
import Environments
import Foundation
import Rendering

/// `dojo watch`: plays episodes and shows them in a window, records them as an animated GIF,
/// or prints them as text.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch episodes in a window (SDL trait), record them as a GIF, or print them as text.",
        discussion: """
            Window keys: Space pause/resume, Right arrow one step while paused, + and - speed, \
            R restart the episode, Esc or Q quit (closing the window quits too). \
            --record PATH.gif writes the episodes as an animated GIF and needs no window; \
            --render ansi prints each step as text. --checkpoint FILE plays a trained agent's greedy \
            policy in the environment it was trained on.

            Examples:
              dojo watch --checkpoint runs/CartPole-v1-dqn-0-20261202-101500/final.safetensors --episodes 3
              dojo watch --env CartPole-v1 --record random.gif
            """
    )

    @Option(help: "Registered environment id (the checkpoint's own by default).")
    var env: String?

    @Option(help: "Options for making the environment, as a JSON object (default: the checkpoint's own).")
    var options: String?

    @Option(help: "Policy that picks actions without a checkpoint: random.")
    var policy = "random"

    @Option(help: "A checkpoint written by dojo train: its greedy policy picks the actions.")
    var checkpoint: String?

    @Option(help: "Number of episodes.")
    var episodes = 1

    @Option(help: "Frames per second (default: the environment's render fps).")
    var fps: Int?

    @Option(help: "Seed for the environment and the policy.")
    var seed: UInt64 = 0

    @Option(help: "Write the episodes to this animated GIF instead of opening a window.")
    var record: String?

    @Option(help: "Render mode without a window: ansi prints each step as text.")
    var render: String?

    @Option(help: "Window pixels per frame pixel.")
    var scale = 1

    @Option(help: "Stop after this many frames (0: no limit).")
    var maxFrames = 0

    func validate() throws {
        guard policy == "random" else { throw ValidationError("--policy: expected random, got \(policy)") }
        guard env != nil || checkpoint != nil else { throw ValidationError("expected --env, --checkpoint, or both") }
        guard episodes > 0 else { throw ValidationError("--episodes: expected a positive number, got \(episodes)") }
        if let fps, !(1...100).contains(fps) { throw ValidationError("--fps: expected 1 to 100, got \(fps)") }
        guard scale > 0 else { throw ValidationError("--scale: expected a positive number, got \(scale)") }
        if let render, render != "ansi" { throw ValidationError("--render: expected ansi, got \(render)") }
        if let record, !record.lowercased().hasSuffix(".gif") {
            throw ValidationError("--record: expected a path ending in .gif, got \(record)")
        }
    }

    mutating func run() throws {
        let trained = try checkpoint.map { try loadPolicy(from: URL(fileURLWithPath: $0)) }
        env = env ?? trained?.metadata.environmentID
        let made = try options.map { try parseOptions($0, flag: "--options") } ?? trained?.metadata.environmentOptions ?? [:]
        try EnvironmentRegistry.standard.open(id: environmentID, options: made, with: Watch(command: self, trained: trained))
    }

    /// Watches whatever environment the registry opens, with its concrete type.
    private struct Watch: EnvironmentVisitor {
        let command: WatchCommand
        let trained: (policy: any Policy, metadata: CheckpointMetadata)?

        func visit<E: Environment>(_ environment: E) throws {
            try trained?.metadata.requireSpaces(of: environment, environmentID: command.environmentID, path: command.checkpoint ?? "")
            try command.watch(environment, policy: trained?.policy)
        }
    }

    /// The environment id being watched (set from the checkpoint when `--env` is not given).
    var environmentID: String { env ?? "" }

    private func watch<E: Environment>(_ environment: E, policy: (any Policy)?) throws {
        let runner = EpisodeRunner(environment, episodes: episodes, seed: seed, policy: policy)
        let rate = fps ?? environment.metadata.renderFPS
        if let record {
            try recordGIF(runner, framesPerSecond: rate, to: record)
        } else if render == "ansi" {
            try printText(runner, framesPerSecond: rate)
        } else {
            try showInWindow(runner, framesPerSecond: rate)
        }
    }

    private func recordGIF<E: Environment>(_ runner: EpisodeRunner<E>, framesPerSecond: Int, to path: String) throws {
        guard let gif = try runner.recordGIF(framesPerSecond: framesPerSecond, limit: maxFrames) else {
            throw CommandError("\(environmentID) has no rgb render to record; try --render ansi")
        }
        try gif.write(to: path)
        print("wrote \(gif.frames.count) frames of \(runner.episode) episode(s) to \(path); returns \(runner.returns)")
    }

    private func printText<E: Environment>(_ runner: EpisodeRunner<E>, framesPerSecond: Int) throws {
        try runner.playAll(limit: maxFrames) {
            print("\(runner.caption)\n\(runner.text ?? "")\n")
            Thread.sleep(forTimeInterval: 1 / Double(framesPerSecond))
        }
        print("returns \(runner.returns)")
    }
}
