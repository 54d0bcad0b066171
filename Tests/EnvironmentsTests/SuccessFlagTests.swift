import Dojo
import Environments
import Testing

/// Environments that can tell a successful episode say so, through any wrapper, so evaluation
/// reports a success rate (FrozenLake's goal, a game won).
@Suite struct SuccessFlagTests {
    @Test func gridWorldSucceedsOnlyOnTheGoal() throws {
        var environment = try makeIndexEnvironment("FrozenLake-v1", options: ["is_slippery": false])
        #expect(environment.reportsSuccess)
        _ = try environment.reset(seed: 0)
        for action in [2, 2, 1, 1, 1] {
            _ = environment.step(action)
            #expect(!environment.isSuccess)
        }
        let last = environment.step(2)
        #expect(last.terminated && environment.isSuccess)

        _ = try environment.reset(seed: 0)
        _ = environment.step(2)
        let fall = environment.step(1)
        #expect(fall.terminated && !environment.isSuccess)
    }

    @Test func boardGameSucceedsWhenTheAgentWins() throws {
        let lowest: BoardGamePolicy<TicTacToe> = { game, _ in game.legalActions[0] }
        var environment = TicTacToeEnvironment(opponent: .policy(lowest))
        _ = try environment.reset(seed: 0)
        #expect(environment.reportsSuccess)
        // The agent takes the right column while the policy fills the top row's left cells.
        _ = environment.step(2)
        #expect(!environment.isSuccess)
        _ = environment.step(5)
        let win = environment.step(8)
        #expect(win.reward == 1 && win.terminated && environment.isSuccess)

        _ = try environment.reset(seed: 0)
        _ = environment.step(8)
        _ = environment.step(7)
        let loss = environment.step(5)
        #expect(loss.reward == -1 && !environment.isSuccess)
    }

    @Test func gamesWithoutAnOpponentAndCartPoleReportNoSuccess() throws {
        var selfPlay = TicTacToeEnvironment(opponent: .none)
        _ = try selfPlay.reset(seed: 0)
        #expect(!selfPlay.reportsSuccess)
        #expect(!CartPole().reportsSuccess)
    }
}
