import Dojo
import Environments
import Testing

/// Every grid-world id, and every observation mode, passes the environment checker and is
/// deterministic under a seed.
@Suite struct GridWorldRegistryTests {
    /// Every id `registerGridWorlds()` adds, so a new id is checked without editing this list.
    static let ids: [String] = {
        var registry = EnvironmentRegistry()
        registry.registerGridWorlds()
        return registry.all.map(\.id)
    }()

    static let variants: [(String, Options)] = [
        ("FrozenLake-v1", ["observation": "onehot"]),
        ("FrozenLake8x8-v1", ["observation": "planes"]),
        ("GridWorld-v0", ["observation": "partial", "view_size": 5]),
        ("GridWorld-v0", ["map_name": "random", "size": 12, "hole_probability": 0.4, "map_seed": 9, "is_slippery": true]),
        ("GridWorldMaze-v0", ["observation": "partial"]),
        ("GridWorld-v0", ["map": "S..\n#HG", "slip_probability": 0.2, "step_reward": -1]),
        ("MemoryCorridor-v0", ["length": 12]),
        ("GridWorld-v0", ["size": 100, "map_seed": 2]),
    ]

    @Test func everyGridWorldIDIsRegisteredWithItsLimits() throws {
        let registry = EnvironmentRegistry.standard
        #expect(Self.ids == ["FrozenLake-v1", "FrozenLake8x8-v1", "GridWorld-v0", "GridWorldMaze-v0", "MemoryCorridor-v0"])
        for id in Self.ids {
            #expect(throws: Never.self) { try registry.spec(id) }
        }
        #expect(try registry.spec("FrozenLake-v1").maxEpisodeSteps == 100)
        #expect(try registry.spec("FrozenLake-v1").rewardThreshold == 0.70)
        #expect(try registry.spec("FrozenLake8x8-v1").maxEpisodeSteps == 200)
        #expect(try registry.spec("FrozenLake8x8-v1").rewardThreshold == 0.85)
        #expect(try registry.spec("FrozenLake").id == "FrozenLake-v1")
    }

    @Test(arguments: ids)
    func passesTheEnvironmentChecker(id: String) throws {
        var environment = try EnvironmentRegistry.standard.make(id: id)
        let report = checkEnvironment(&environment, seed: 5, steps: 400)
        #expect(report.isPassing, "\(report)")
    }

    @Test(arguments: variants)
    func variantsPassTheEnvironmentChecker(id: String, options: Options) throws {
        var environment = try EnvironmentRegistry.standard.make(id: id, options: options)
        let report = checkEnvironment(&environment, seed: 11, steps: 300)
        #expect(report.isPassing, "\(report)")
    }

    @Test(arguments: ids)
    func sameSeedSameTrajectoryAcrossInstances(id: String) throws {
        let first = try trajectory(id: id, seed: 42)
        #expect(first == (try trajectory(id: id, seed: 42)))
        #expect(first != (try trajectory(id: id, seed: 43)))
    }

    @Test func aNeverSeededEnvironmentBehavesAsSeedZero() throws {
        var unseeded = try makeIndexEnvironment("FrozenLake8x8-v1")
        var seeded = try makeIndexEnvironment("FrozenLake8x8-v1")
        _ = try unseeded.reset()
        _ = try seeded.reset(seed: 0)
        for step in 0..<300 {
            let action = step % 4
            let (a, b) = (unseeded.step(action), seeded.step(action))
            #expect(a.observation == b.observation && a.terminated == b.terminated)
            if a.isDone {
                _ = try unseeded.reset()
                _ = try seeded.reset()
            }
        }
    }

    /// Observations (as JSON), rewards and flags of 300 random steps across episodes.
    private func trajectory(id: String, seed: UInt64) throws -> [String] {
        var environment = try EnvironmentRegistry.standard.make(id: id)
        return try record(&environment, seed: seed)
    }

    private func record<E: Environment>(_ environment: inout E, seed: UInt64) throws -> [String] {
        var actions = SeededGenerator(seed: seed)
        var lines = [environment.observationSpace.jsonValue(of: try environment.reset(seed: seed).observation).jsonText]
        for _ in 0..<300 {
            let result = environment.step(environment.actionSpace.sample(using: &actions))
            lines.append("\(environment.observationSpace.jsonValue(of: result.observation).jsonText) \(result.reward) \(result.terminated) \(result.truncated)")
            if result.isDone {
                lines.append(environment.observationSpace.jsonValue(of: try environment.reset().observation).jsonText)
            }
        }
        return lines
    }
}
