import Dojo
import Environments
import Testing

@Suite struct GridWorldDynamicsTests {
    @Test func deterministicWalkReachesTheGoal() throws {
        var world = GridWorld(map: .frozenLake4x4, rules: GridRules(isSlippery: false))
        let reset = try world.reset(seed: 0)
        #expect(reset.observation == 0 && reset.info.isEmpty)
        var last = Step(observation: 0, reward: 0, terminated: false)
        for action in [2, 2, 1, 1, 1] {
            last = world.step(action)
            #expect(last.reward == (last.observation == 15 ? 1 : 0))
        }
        #expect(last.observation == 14 && !last.terminated)
        last = world.step(2)
        #expect(last.observation == 15 && last.reward == 1 && last.terminated && !last.truncated)
        // After termination the goal is absorbing, as in Gymnasium's P.
        let after = world.step(0)
        #expect(after.observation == 15 && after.reward == 0 && after.terminated)
    }

    @Test func holesEndTheEpisodeWithTheHoleReward() throws {
        var world = GridWorld(map: .frozenLake4x4, rules: GridRules(isSlippery: false, holeReward: -1))
        _ = try world.reset()
        _ = world.step(2)
        let fall = world.step(1)
        #expect(fall.observation == 5 && fall.reward == -1 && fall.terminated)
    }

    @Test func timeLimitTruncates() throws {
        var environment = try makeIndexEnvironment("FrozenLake-v1", options: ["is_slippery": false])
        _ = try environment.reset(seed: 1)
        for step in 1...100 {
            let result = environment.step(0)
            #expect(result.truncated == (step == 100) && !result.terminated)
        }
    }

    @Test func severalStartsAreDrawnUniformly() throws {
        var world = GridWorld(map: try GridMap(text: "SFS\nFGF"))
        var counts = [0: 0, 2: 0]
        _ = try world.reset(seed: 4)
        for _ in 0..<2_000 { counts[try world.reset().observation, default: 0] += 1 }
        #expect(counts.count == 2 && abs(Double(counts[0, default: 0]) / 2_000 - 0.5) < 0.05)
    }

    @Test func resetRejectsUnknownOptions() {
        var world = GridWorld(map: .frozenLake4x4)
        #expect(throws: EnvironmentError.self) { try world.reset(seed: 0, options: ["start": 3]) }
    }

    @Test func textRenderIsFrozenLakesAnsi() throws {
        var world = GridWorld(map: .frozenLake4x4, rules: GridRules(isSlippery: false))
        _ = try world.reset(seed: 0)
        // Strings produced by Gymnasium 1.4.0: FrozenLake-v1(render_mode="ansi", is_slippery=False).
        #expect(world.render(.ansi) == .text("\n\u{1B}[41mS\u{1B}[0mFFF\nFHFH\nFFFH\nHFFG\n"))
        _ = world.step(2)
        #expect(world.render(.ansi) == .text("  (Right)\nS\u{1B}[41mF\u{1B}[0mFF\nFHFH\nFFFH\nHFFG\n"))
    }

    @Test func wallsRenderAndBlock() throws {
        var world = GridWorld(map: .maze7x7, rules: GridRules(isSlippery: false))
        _ = try world.reset()
        _ = world.step(2)
        #expect(world.step(2).observation == 2)
        #expect(world.step(2).observation == 2)
        guard case .text(let text)? = world.render(.ansi) else {
            Issue.record("expected text")
            return
        }
        #expect(text.hasPrefix("  (Right)\nSF\u{1B}[41mF\u{1B}[0m#FFF\n"))
    }
}
