import Dojo
import Environments
import Testing

@Suite struct GridWorldOptionsTests {
    @Test func registryPicksTheEncodingFromTheObservationOption() throws {
        let registry = EnvironmentRegistry.standard
        #expect(try registry.make(id: "FrozenLake-v1").unwrapped is GridWorld<IndexEncoding>)
        #expect(try registry.make(id: "FrozenLake-v1", options: ["observation": "onehot"]).unwrapped is GridWorld<OneHotEncoding>)
        #expect(try registry.make(id: "FrozenLake-v1", options: ["observation": "planes"]).unwrapped is GridWorld<PlanesEncoding>)
        let partial = try registry.make(id: "FrozenLake-v1", options: ["observation": "partial", "view_size": 5])
        #expect((partial.unwrapped as? GridWorld<PartialViewEncoding>)?.encoding.viewSize == 5)
    }

    @Test func mapComesFromTextFileOrName() throws {
        let registry = EnvironmentRegistry.standard
        let text = try #require(try registry.make(id: "GridWorld-v0", options: ["map": ["S.", ".G"]]).unwrapped as? GridWorld<IndexEncoding>)
        #expect(text.map == (try GridMap(text: "SF\nFG")))
        let named = try #require(try registry.make(id: "GridWorld-v0", options: ["map_name": "8x8"]).unwrapped as? GridWorld<IndexEncoding>)
        #expect(named.map == .frozenLake8x8)
        let random = try #require(try registry.make(id: "GridWorld-v0", options: ["size": 5, "map_seed": 3]).unwrapped as? GridWorld<IndexEncoding>)
        var generator = SeededGenerator(seed: 3)
        #expect(random.map == GridMap.random(size: 5, holeProbability: 0.2, using: &generator))
        #expect(random.rules.isSlippery == false)
    }

    @Test func frozenLakeDefaultsAreGymnasiums() throws {
        let lake = try #require(try EnvironmentRegistry.standard.make(id: "FrozenLake-v1").unwrapped as? GridWorld<IndexEncoding>)
        #expect(lake.map == .frozenLake4x4)
        #expect(lake.rules == GridRules(isSlippery: true, successRate: 1.0 / 3.0, goalReward: 1, holeReward: 0, stepReward: 0))
        #expect(lake.observationSpace == Discrete(16) && lake.actionSpace == Discrete(4))
        #expect(lake.metadata.renderModes == [.ansi, .rgb] && lake.metadata.renderFPS == 4)
    }

    @Test(arguments: [
        (["map_nme": "4x4"], "map_nme"),
        (["map_name": "16x16"], "map_name"),
        (["map": "SFX\nFFG"], "map"),
        (["map": 3], "map"),
        (["map_file": "/nonexistent/lake.txt"], "map_file"),
        (["size": 6], "size"),
        (["map_name": "random", "size": 1], "size"),
        (["map_name": "random", "hole_probability": 1.5], "hole_probability"),
        (["success_rate": 0.5, "slip_probability": 0.5], "slip_probability"),
        (["success_rate": 2], "success_rate"),
        (["reward_schedule": [1, 0]], "reward_schedule"),
        (["reward_schedule": [1, 0, 0], "step_reward": -1], "step_reward"),
        (["is_slippery": "yes"], "is_slippery"),
        (["observation": "pixels"], "observation"),
        (["view_size": 3], "view_size"),
        (["observation": "partial", "view_size": 4], "view_size"),
    ] as [(Options, String)])
    func badOptionsAreTypedErrorsNamingTheOption(options: Options, name: String) {
        do {
            _ = try EnvironmentRegistry.standard.make(id: "FrozenLake-v1", options: options)
            Issue.record("expected an error for \(options)")
        } catch {
            guard case .invalidOption(let named, _) = error else {
                Issue.record("expected invalidOption, got \(error)")
                return
            }
            #expect(named == name)
        }
    }

    @Test func mapErrorsKeepTheirPlaceInTheMessage() {
        #expect(throws: EnvironmentError.invalidOption(name: "map", message: "map:2:3: unknown character \"X\"; expected one of S F . H G #")) {
            try EnvironmentRegistry.standard.make(id: "GridWorld-v0", options: ["map": ["SFF", "FFX", "FFG"]])
        }
        #expect(throws: EnvironmentError.invalidOption(name: "map_file", message: "/nonexistent/lake.txt: no such map file")) {
            try EnvironmentRegistry.standard.make(id: "GridWorld-v0", options: ["map_file": "/nonexistent/lake.txt"])
        }
    }
}
