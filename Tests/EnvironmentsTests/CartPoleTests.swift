import Dojo
import Environments
import Foundation
import Testing

@Suite struct CartPoleTests {
    struct ReferenceRow: Sendable, CustomStringConvertible {
        var state: [Double]
        var action: Int
        var next: [Double]
        var reward: Double
        var terminated: Bool
        var line: Int
        var description: String { "row at line \(line)" }
    }

    static let reference: [ReferenceRow] = {
        guard let url = Bundle.module.url(forResource: "cartpole_transitions", withExtension: "csv", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().enumerated().map { offset, line in
            let fields = line.split(separator: ",").map { Double($0)! }
            return ReferenceRow(
                state: Array(fields[0..<4]), action: Int(fields[4]), next: Array(fields[5..<9]),
                reward: fields[9], terminated: fields[10] == 1, line: offset + 2)
        }
    }()

    @Test func referenceFileIsComplete() {
        #expect(Self.reference.count == 2000)
        #expect(Self.reference.contains { $0.terminated } && Self.reference.contains { !$0.terminated })
    }

    /// Every one of Gymnasium's 2,000 reference transitions, started from the exact state: the
    /// float64 state after the step is bit-identical, and so is the Float32 observation.
    @Test func reproducesGymnasiumTransitionsExactly() throws {
        var env = CartPole()
        for row in Self.reference {
            let start = try env.reset(seed: 0, options: ["state": .array(row.state.map { .number($0) })])
            #expect(start.observation == SIMD4<Float>(SIMD4(row.state[0], row.state[1], row.state[2], row.state[3])))
            let result = env.step(row.action)
            let next = SIMD4(row.next[0], row.next[1], row.next[2], row.next[3])
            #expect(env.state == next, "\(row)")
            #expect(result.observation == SIMD4<Float>(next), "\(row)")
            #expect(result.reward == row.reward, "\(row)")
            #expect(result.terminated == row.terminated, "\(row)")
            #expect(!result.truncated)
        }
    }

    @Test func resetDrawsEachVariableFromTheBounds() throws {
        var env = CartPole()
        for seed in 0..<50 as Range<UInt64> {
            let observation = try env.reset(seed: seed).observation
            for index in 0..<4 { #expect(abs(observation[index]) <= 0.05) }
        }
        let custom = try env.reset(seed: 1, options: ["low": -0.2, "high": -0.1]).observation
        for index in 0..<4 { #expect(custom[index] >= -0.2 && custom[index] <= -0.1) }
        #expect(throws: EnvironmentError.self) { try env.reset(seed: 1, options: ["low": 1, "high": 0]) }
        #expect(throws: EnvironmentError.self) { try env.reset(seed: 1, options: ["state": [1, 2]]) }
        #expect(throws: EnvironmentError.self) { try env.reset(seed: 1, options: ["stat": [1, 2, 3, 4]]) }
    }

    @Test func seedingFollowsGymnasium() throws {
        var a = CartPole(), b = CartPole()
        #expect(try a.reset(seed: 5).observation == b.reset(seed: 5).observation)
        let second = try a.reset().observation
        #expect(second != (try b.reset(seed: 5).observation))
        #expect(second == (try b.reset().observation))
    }

    @Test func stepsAfterTerminationRewardAsGymnasium() throws {
        var env = CartPole()
        _ = try env.reset(seed: 0, options: ["state": [2.39, 1, 0, 0]])
        let first = env.step(1)
        #expect(first.terminated && first.reward == 1)
        #expect(env.step(1).reward == 0)
        var sutton = CartPole(usesSuttonBartoReward: true)
        _ = try sutton.reset(seed: 0, options: ["state": [0, 0, 0, 0]])
        #expect(sutton.step(1).reward == 0)
        _ = try sutton.reset(seed: 0, options: ["state": [2.39, 1, 0, 0]])
        #expect(sutton.step(1).reward == -1)
        #expect(sutton.step(1).reward == -1)
    }

    @Test func semiImplicitIntegratorUpdatesVelocityFirst() throws {
        let state = SIMD4<Double>(0, 1, 0.1, 0.5)
        let euler = CartPole.nextState(state, action: 1, integrator: .euler)
        let semi = CartPole.nextState(state, action: 1, integrator: .semiImplicitEuler)
        #expect(euler[0] == 0.02)
        #expect(abs(semi[0] - 0.02 * semi[1]) < 1e-15)
        #expect(abs(semi[2] - (0.1 + 0.02 * semi[3])) < 1e-15)
        let env = try CartPole(options: ["kinematics_integrator": "semi-implicit euler"])
        #expect(env.integrator == .semiImplicitEuler)
        #expect(throws: EnvironmentError.self) { try CartPole(options: ["kinematics_integrator": "rk4"]) }
    }

    @Test func spacesMatchGymnasium() {
        let env = CartPole()
        #expect(env.actionSpace == Discrete(2))
        #expect(env.observationSpace.high == [4.8, .infinity, Float(12 * 2 * Double.pi / 360 * 2), .infinity])
        #expect(env.metadata.renderFPS == 50)
    }

    @Test func textRenderShowsTheState() throws {
        var env = CartPole()
        _ = try env.reset(seed: 0, options: ["state": [0, 0, 0.1, 0]])
        guard case .text(let text)? = env.render(.ansi) else { Issue.record("expected text"); return }
        #expect(text.contains("θ +0.1000") && text.contains("/"))
    }
}
