import ArgumentParser
import Dojo
import Environments
import Foundation

/// `dojo demo`: plays a few episodes of an environment with random actions and prints them;
/// the README's first command until training lands.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play episodes with random actions (legal ones, where there is a mask) and print them as text.",
        discussion: """
            Examples:
              dojo demo --env FrozenLake-v1 --episodes 2
            """
    )

    @Option(help: "Registered environment id.")
    var env = "CartPole-v1"

    @Option(help: "Options for making the environment, as a JSON object (e.g. '{\"is_slippery\": false}').")
    var options: String?

    @Option(help: "Number of episodes.")
    var episodes = 3

    @Option(help: "Seed for the environment and the random actions.")
    var seed: UInt64 = 0

    @Option(help: "Print the text render every N steps (0: only first and last).")
    var every = 10

    func validate() throws {
        guard episodes > 0 else { throw ValidationError("--episodes: expected a positive number, got \(episodes)") }
        guard every >= 0 else { throw ValidationError("--every: expected 0 or more, got \(every)") }
    }

    func run() throws {
        let environment = try EnvironmentRegistry.standard.make(id: env, options: try parseOptions(options, flag: "--options"))
        try play(environment)
    }

    private func play<E: Environment>(_ environment: E) throws {
        let runner = EpisodeRunner(environment, episodes: episodes, seed: seed)
        while !runner.isFinished {
            try runner.startEpisode()
            print("episode \(runner.episode)")
            show(runner)
            while !runner.isEpisodeOver {
                runner.advance()
                if runner.isEpisodeOver || (every > 0 && runner.step % every == 0) {
                    show(runner)
                }
            }
            print("episode \(runner.episode): return \(runner.episodeReturn), \(runner.step) steps\n")
        }
        let mean = runner.returns.reduce(0, +) / Double(runner.returns.count)
        print("mean return over \(episodes) episodes with random actions: \(mean)")
    }

    private func show<E: Environment>(_ runner: EpisodeRunner<E>) {
        if let text = runner.text {
            print("  step \(runner.step): " + text.replacingOccurrences(of: "\n", with: "\n           "))
        }
    }
}
