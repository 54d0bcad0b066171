import Dojo
import Testing
import TestSupport

@Suite struct RegistryTests {
    static var registry: EnvironmentRegistry {
        var registry = EnvironmentRegistry()
        registry.register(EnvironmentSpec(id: "Countdown-v0", maxEpisodeSteps: 3, rewardThreshold: 2) { _ in Countdown(length: 10) })
        registry.register(EnvironmentSpec(id: "Countdown-v2", maxEpisodeSteps: 4, defaultOptions: ["length": 2]) { options throws(EnvironmentError) in
            try options.rejectUnknown(["length"])
            return Countdown(length: try options.integer("length") ?? 10)
        })
        registry.register(id: "Endless") { _ in Countdown(length: 1000) }
        return registry
    }

    @Test func makeAppliesTheTimeLimitAndOrderEnforcing() throws {
        let env = try Self.registry.make(id: "Countdown-v0")
        let limited = try #require(env as? TimeLimit<OrderEnforcing<Countdown>>)
        #expect(limited.maxEpisodeSteps == 3)
        var opened = limited
        _ = try opened.reset(seed: 0)
        _ = opened.step(0)
        _ = opened.step(0)
        #expect(opened.step(0).truncated)
    }

    @Test func makeWithoutALimitOnlyEnforcesOrder() throws {
        #expect(try Self.registry.make(id: "Endless") is OrderEnforcing<Countdown>)
    }

    @Test func optionsOverrideDefaultsAndLimitCanBeOverridden() throws {
        let byDefault = try #require(try Self.registry.make(id: "Countdown-v2") as? TimeLimit<OrderEnforcing<Countdown>>)
        #expect(byDefault.base.base.length == 2)
        let custom = try #require(
            try Self.registry.make(id: "Countdown-v2", options: ["length": 6], maxEpisodeSteps: 9) as? TimeLimit<OrderEnforcing<Countdown>>)
        #expect(custom.base.base.length == 6 && custom.maxEpisodeSteps == 9)
    }

    @Test func unversionedIDFindsTheLatestVersion() throws {
        #expect(try Self.registry.spec("Countdown").id == "Countdown-v2")
        #expect(try Self.registry.spec("Countdown-v0").version == 0)
    }

    @Test func unknownIDNamesTheClosestIDs() {
        #expect(throws: EnvironmentError.unknownID("Countdwn-v0", suggestions: ["Countdown-v0"])) {
            try Self.registry.make(id: "Countdwn-v0")
        }
        #expect(throws: EnvironmentError.unknownID("Zebra-v9", suggestions: [])) {
            try Self.registry.make(id: "Zebra-v9")
        }
        let message = EnvironmentError.unknownID("Countdwn-v0", suggestions: ["Countdown-v0"]).description
        #expect(message.contains("did you mean `Countdown-v0`"))
    }

    @Test func badOptionsAreThrownNamingTheOption() {
        #expect(throws: EnvironmentError.self) { try Self.registry.make(id: "Countdown-v2", options: ["length": "long"]) }
        do {
            _ = try Self.registry.make(id: "Countdown-v2", options: ["lenght": 3])
            Issue.record("expected an error for a misspelt option")
        } catch {
            #expect(error.description.contains("lenght"))
        }
    }
}

/// A learner given only an id reaches the environment's concrete type through a visitor and
/// vectorises it, with masks and episode statistics.
@Suite struct EnvironmentVisitorTests {
    struct VectorStats: EnvironmentVisitor {
        func visit<E: Environment>(_ environment: E) throws -> (typeName: String, actions: Int, episodes: Int) {
            let envs = SyncVectorEnvironment(count: 4) { _ in environment }
            try envs.reset(seed: 7)
            var generator = SeededGenerator(seed: 1)
            var episodes = 0
            let actions = envs.singleActionSpace.indexCount ?? 0
            for _ in 0..<30 {
                let batch = envs.step((0..<4).map { _ in envs.singleActionSpace.element(atIndex: Int(generator.next(upperBound: UInt64(actions)))) })
                episodes += batch.hasEpisodeStatistics.filter { $0 }.count
            }
            return ("\(E.self)", actions, episodes)
        }
    }

    @Test func openHandsTheConcreteTypeToTheVisitor() throws {
        var registry = EnvironmentRegistry()
        registry.register(id: "Countdown-v0", maxEpisodeSteps: 4) { _ in Countdown(length: 3) }
        let result = try registry.open(id: "Countdown-v0", with: VectorStats())
        #expect(result.typeName.contains("TimeLimit<OrderEnforcing<Countdown>>") && result.actions == 3)
        // Next-step autoreset: three steps, then a reset step, so episodes end at steps 3, 7, ..., 27.
        #expect(result.episodes == 4 * 7)
        #expect(throws: EnvironmentError.self) { try registry.open(id: "Countdwn-v0", with: VectorStats()) }
    }
}
