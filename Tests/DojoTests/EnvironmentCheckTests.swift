import Dojo
import Testing
import TestSupport

@Suite struct EnvironmentCheckTests {
    @Test func aCorrectEnvironmentPasses() {
        var env = TimeLimit(Countdown(length: 7), maxEpisodeSteps: 5)
        let report = checkEnvironment(&env)
        #expect(report.isPassing, "\(report)")
    }

    @Test func observationsOutsideTheSpaceAreReported() {
        var env = OutOfSpaceEnvironment()
        let report = checkEnvironment(&env, steps: 20)
        #expect(report.violations.contains { $0.contains("is not in") })
    }

    @Test func ignoringTheSeedIsReportedWithEveryOtherViolation() {
        var env = SeedIgnoringEnvironment()
        let report = checkEnvironment(&env, steps: 20)
        #expect(report.violations.contains { $0.contains("different trajectories") })
        #expect(report.violations.contains { $0.contains("render(.ansi)") })
        #expect(report.violations.count >= 2)
    }
}
