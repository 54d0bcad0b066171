import Dojo
import Environments
import Testing

/// Every registered environment keeps the contract: the checker passes and the same seed gives
/// the same trajectory.
@Suite struct RegisteredEnvironmentTests {
    @Test(arguments: EnvironmentRegistry.standard.all.map(\.id))
    func passesTheEnvironmentChecker(id: String) throws {
        var env = try EnvironmentRegistry.standard.make(id: id)
        let report = checkEnvironment(&env, seed: 123, steps: 300)
        #expect(report.isPassing, "\(id): \(report)")
    }

    @Test func standardRegistryHasGymnasiumIDsAndLimits() throws {
        #expect(try EnvironmentRegistry.standard.spec("CartPole-v1").maxEpisodeSteps == 500)
        #expect(try EnvironmentRegistry.standard.spec("CartPole-v0").maxEpisodeSteps == 200)
        #expect(try EnvironmentRegistry.standard.spec("CartPole-v1").rewardThreshold == 475)
    }
}
