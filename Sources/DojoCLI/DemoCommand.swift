import Foundation
import ArgumentParser
import Dojo
import Environments

/// `dojo demo`: plays a few episodes of an environment with random actions and prints them;
/// the README's first command until training lands.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play episodes with random actions and print them as text."
    )

    @Option(help: "Registered environment id.")
    var env = "CartPole-v1"

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
        var environment = try EnvironmentRegistry.standard.make(id: env)
        try play(&environment)
    }

    private func play<E: Environment>(_ environment: inout E) throws {
        var actions = SeededGenerator(seed: seed).child(1)
        var returns: [Double] = []
        for episode in 1...episodes {
            _ = try environment.reset(seed: episode == 1 ? seed : nil)
            print("episode \(episode)")
            show(environment, step: 0)
            var total = 0.0, steps = 0
            while true {
                let result = environment.step(environment.actionSpace.sample(using: &actions))
                total += result.reward
                steps += 1
                if result.isDone || (every > 0 && steps % every == 0) {
                    show(environment, step: steps)
                }
                if result.isDone {
                    let ending = result.terminated ? "terminated" : "truncated"
                    print("episode \(episode): return \(total), \(steps) steps, \(ending)\n")
                    break
                }
            }
            returns.append(total)
        }
        let mean = returns.reduce(0, +) / Double(returns.count)
        print("mean return over \(episodes) episodes with random actions: \(mean)")
    }

    private func show(_ environment: some Environment, step: Int) {
        if case .text(let text)? = environment.render(.ansi) {
            print("  step \(step): " + text.replacingOccurrences(of: "\n", with: "\n           "))
        }
    }
}
