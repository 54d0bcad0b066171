import Dojo
import Environments
import Foundation
import Testing

/// Whole CartPole-v1 episodes, bit for bit as Gymnasium 1.4.0 ran them
/// (`Fixtures/cartpole_trajectories.csv`, made by `Scripts/make_cartpole_trajectories.py`).
@Suite struct CartPoleTrajectoryTests {
    struct Row: Sendable {
        var state: SIMD4<Double>
        var observation: SIMD4<Float>
        var action: Int
        var reward: Double
        var terminated: Bool
        var truncated: Bool
    }

    struct Episode: Sendable, CustomStringConvertible {
        var number: Int
        var integrator: String
        var rows: [Row]
        var description: String { "episode \(number) (\(integrator), \(rows.count - 1) steps)" }
    }

    static let episodes: [Episode] = {
        guard let url = Bundle.module.url(forResource: "cartpole_trajectories", withExtension: "csv", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var episodes: [Episode] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let number = Int(fields[0])!
            let double = { (index: Int) in Double(fields[index])! }
            let float = { (index: Int) in Float(fields[index])! }
            let row = Row(
                state: SIMD4(double(4), double(5), double(6), double(7)),
                observation: SIMD4(float(8), float(9), float(10), float(11)),
                action: Int(fields[3])!, reward: double(12), terminated: fields[13] == "1", truncated: fields[14] == "1")
            if episodes.last?.number != number {
                episodes.append(Episode(number: number, integrator: fields[1], rows: []))
            }
            episodes[episodes.count - 1].rows.append(row)
        }
        return episodes
    }()

    @Test func fixtureHoldsFiftyEpisodesOfEveryKind() {
        #expect(Self.episodes.count == 50)
        #expect(Self.episodes.contains { $0.rows.last!.truncated && $0.rows.count == 501 })
        #expect(Self.episodes.contains { $0.rows.last!.terminated && $0.rows.count > 300 })
        #expect(Self.episodes.contains { $0.integrator == "semi-implicit euler" })
    }

    /// Each episode replayed through `make(id:)`'s stack from the exact start state: every
    /// observation, float64 state, reward, `terminated` and `truncated` equal, step by step.
    @Test(arguments: episodes)
    func replaysGymnasiumEpisodeExactly(_ episode: Episode) throws {
        let made = try EnvironmentRegistry.standard.make(id: "CartPole-v1", options: ["kinematics_integrator": .string(episode.integrator)])
        var env = try #require(made as? TimeLimit<OrderEnforcing<CartPole>>)
        let start = episode.rows[0]
        let state: JSONValue = .array((0..<4).map { .number(start.state[$0]) })
        #expect(try env.reset(seed: 0, options: ["state": state]).observation == start.observation)
        for (step, row) in episode.rows.enumerated().dropFirst() {
            let result = env.step(row.action)
            let cartPole = try #require(env.unwrapped as? CartPole)
            guard cartPole.state == row.state, result.observation == row.observation, result.reward == row.reward,
                  result.terminated == row.terminated, result.truncated == row.truncated
            else {
                Issue.record("\(episode) differs at step \(step): state \(cartPole.state) against Gymnasium's \(row.state)")
                return
            }
        }
    }
}
