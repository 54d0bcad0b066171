import Foundation
import Testing

@Suite struct DemoCommandTests {
    /// The README's first command plays CartPole and prints each episode and the mean return.
    @Test func demoPlaysAndSummarises() throws {
        let output = try DojoBinary.run(["demo", "--episodes", "2", "--seed", "5"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("episode 1") && output.stdout.contains("episode 2: return"))
        #expect(output.stdout.contains("mean return over 2 episodes"))
    }

    /// Board games are played with legal moves only, so no episode ends by forfeit.
    @Test func demoPlaysBoardGamesLegally() throws {
        let output = try DojoBinary.run(["demo", "--env", "ConnectFour-v0", "--episodes", "5", "--every", "0"])
        #expect(output.status == 0 && !output.stdout.contains("illegal move"))
    }
}
