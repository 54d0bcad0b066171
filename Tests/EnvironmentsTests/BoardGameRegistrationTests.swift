import Dojo
import Environments
import Testing

@Suite("Board game registration")
struct BoardGameRegistrationTests {
    static let ids = ["TicTacToe-v0", "ConnectFour-v0"]

    @Test(arguments: ids)
    func registeredWithoutTimeLimit(id: String) throws {
        let spec = try EnvironmentRegistry.standard.spec(id)
        #expect(spec.maxEpisodeSteps == nil)
        #expect(!spec.summary.isEmpty)
    }

    @Test(arguments: ids)
    func passesTheEnvironmentChecker(id: String) throws {
        var env = try EnvironmentRegistry.standard.make(id: id)
        let report = checkEnvironment(&env, seed: 3, steps: 300)
        #expect(report.isPassing, "\(report)")
    }

    /// Every opponent and side, with the randomness of both the opponent and the agent's moves.
    @Test(arguments: ids, [
        ["opponent": "random", "agent_side": "alternate"],
        ["opponent": "alphabeta", "depth": 2, "agent_side": "second"],
        ["opponent": "none"],
    ] as [Options])
    func sameSeedGivesTheSameGames(id: String, options: Options) throws {
        var env = try EnvironmentRegistry.standard.make(id: id, options: options)
        #expect(checkEnvironment(&env, seed: 17, steps: 120).isPassing)
        let first = try transcript(id: id, options: options, seed: 17)
        #expect(first.count > 20)
        #expect(try transcript(id: id, options: options, seed: 17) == first)
        #expect(try transcript(id: id, options: options, seed: 18) != first)
    }

    /// Masked random moves over several episodes: each observation, reward and info as JSON.
    private func transcript(id: String, options: Options, seed: UInt64) throws -> [JSONValue] {
        var env = try EnvironmentRegistry.standard.make(id: id, options: options)
        return try record(&env, seed: seed)
    }

    private func record<E: Environment>(_ env: inout E, seed: UInt64) throws -> [JSONValue] {
        var agent = SeededGenerator(seed: seed &+ 1000)
        let start = try env.reset(seed: seed)
        var entries: [JSONValue] = [env.observationSpace.jsonValue(of: start.observation), .object(start.info)]
        for _ in 0..<60 {
            let mask = try #require(env.legalActionMask)
            let action = try #require(Discrete(mask.count).sample(mask: mask, using: &agent) as? E.Action)
            let result = env.step(action)
            entries += [env.observationSpace.jsonValue(of: result.observation), .number(result.reward), .object(result.info)]
            if result.isDone {
                let next = try env.reset()
                entries += [env.observationSpace.jsonValue(of: next.observation), .object(next.info)]
            }
        }
        return entries
    }
}
