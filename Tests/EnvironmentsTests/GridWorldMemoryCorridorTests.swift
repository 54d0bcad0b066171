import Dojo
import Environments
import Testing

/// MemoryCorridor needs memory: no memoryless policy beats 50%, remembering the cue wins always.
@Suite struct GridWorldMemoryCorridorTests {
    /// The observations an agent acts on (the end observation is terminal).
    static let actingObservations = [MemoryCorridor.cueUp, MemoryCorridor.cueDown, MemoryCorridor.corridor, MemoryCorridor.junction]

    @Test func bestDeterministicMemorylessPolicySucceedsHalfTheTime() throws {
        var best = 0.0
        var bestCount = 0
        // Every map from the four acting observations to the four actions: 4^4 = 256 policies,
        // each run through the registered env (with its 30-step limit) once per cue.
        for code in 0..<256 {
            let policy = (0..<4).map { (code >> (2 * $0)) & 3 }
            var successes = 0
            for goal in ["up", "down"] {
                successes += try runEpisode(goal: goal) { observation in policy[Self.actingObservations.firstIndex(of: observation) ?? 0] }
            }
            let rate = Double(successes) / 2
            if rate > best { (best, bestCount) = (rate, 0) }
            if rate == best { bestCount += 1 }
        }
        #expect(best == 0.5)
        #expect(bestCount > 0)
    }

    @Test func stochasticMemorylessPoliciesStayNearHalf() throws {
        // A random walk that is biased right and picks up or down at the junction with
        // probability q: success is q/2 + (1 - q)/2 = 1/2 whatever q, as the analysis says.
        var generator = SeededGenerator(seed: 17)
        for upProbability in [0.1, 0.5, 0.9] {
            var successes = 0
            let episodes = 4_000
            for episode in 0..<episodes {
                successes += try runEpisode(goal: episode.isMultiple(of: 2) ? "up" : "down") { observation in
                    if observation == MemoryCorridor.junction {
                        return generator.nextUnitDouble() < upProbability ? GridDirection.up.rawValue : GridDirection.down.rawValue
                    }
                    return generator.nextUnitDouble() < 0.8 ? GridDirection.right.rawValue : GridDirection.left.rawValue
                }
            }
            let rate = Double(successes) / Double(episodes)
            #expect(rate < 0.5 + 4 * (0.25 / Double(episodes)).squareRoot(), "q = \(upProbability): \(rate)")
        }
    }

    @Test func aPolicyThatRemembersTheCueAlwaysSucceeds() throws {
        var environment = try makeIndexEnvironment("MemoryCorridor-v0")
        var cues: Set<Int> = []
        _ = try environment.reset(seed: 99)
        for _ in 0..<200 {
            var observation = try environment.reset().observation
            let remembered = observation
            cues.insert(remembered)
            var result = Step(observation: observation, reward: 0, terminated: false)
            while !result.isDone {
                let action = observation == MemoryCorridor.junction
                    ? (remembered == MemoryCorridor.cueUp ? GridDirection.up : .down).rawValue
                    : GridDirection.right.rawValue
                result = environment.step(action)
                observation = result.observation
            }
            #expect(result.terminated && result.reward == 1)
        }
        #expect(cues == [MemoryCorridor.cueUp, MemoryCorridor.cueDown])
    }

    @Test func observationsHideTheCueAfterTheFirstStep() throws {
        var corridor = MemoryCorridor(length: 3)
        #expect(try corridor.reset(seed: 0, options: ["goal": "down"]).observation == MemoryCorridor.cueDown)
        #expect(corridor.step(GridDirection.left.rawValue).observation == MemoryCorridor.corridor)
        #expect(corridor.step(GridDirection.up.rawValue).observation == MemoryCorridor.corridor)
        #expect(corridor.step(GridDirection.right.rawValue).observation == MemoryCorridor.corridor)
        #expect(corridor.step(GridDirection.right.rawValue).observation == MemoryCorridor.junction)
        #expect(corridor.step(GridDirection.right.rawValue).observation == MemoryCorridor.junction)
        let wrong = corridor.step(GridDirection.up.rawValue)
        #expect(wrong.observation == MemoryCorridor.end && wrong.reward == 0 && wrong.terminated)
        let after = corridor.step(GridDirection.down.rawValue)
        #expect(after.reward == 0 && after.terminated)
        #expect(corridor.render(.ansi) == .text("  (Up)\n##\u{1B}[41mH\u{1B}[0m\nSFF\n##G\n"))
    }

    @Test func badOptionsAreTypedErrors() throws {
        #expect(throws: EnvironmentError.invalidOption(name: "length", message: "expected an integer of at least 2, got 1")) {
            try EnvironmentRegistry.standard.make(id: "MemoryCorridor-v0", options: ["length": 1])
        }
        var corridor = MemoryCorridor()
        #expect(throws: EnvironmentError.self) { try corridor.reset(seed: 0, options: ["goal": "left"]) }
        #expect(throws: EnvironmentError.self) { try corridor.reset(seed: 0, options: ["cue": "up"]) }
    }

    /// Runs one episode of the registered env with the goal fixed; returns 1 on success.
    private func runEpisode(goal: String, policy: (Int) -> Int) throws -> Int {
        var environment = try makeIndexEnvironment("MemoryCorridor-v0")
        var observation = try environment.reset(seed: 0, options: ["goal": .string(goal)]).observation
        while true {
            let result = environment.step(policy(observation))
            if result.isDone { return result.terminated && result.reward == 1 ? 1 : 0 }
            observation = result.observation
        }
    }
}
