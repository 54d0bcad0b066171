import Foundation
import Testing

@Suite struct RolloutCommandTests {
    @Test func rolloutPrintsTheTrajectory() throws {
        let output = try #require(
            try DojoBinary.json([
                "rollout", "--env", "CartPole-v1", "--seed", "3", "--reset-options", #"{"state": [0, 0, 0.1, 0]}"#,
                "--actions", "1,0,1", "--json",
            ]) as? [String: Any])
        #expect(output["env"] as? String == "CartPole-v1")
        let first = try #require(output["observation"] as? [Double])
        #expect(abs(first[2] - 0.1) < 1e-7)
        let steps = try #require(output["steps"] as? [[String: Any]])
        #expect(steps.count == 3)
        #expect(steps.map { $0["action"] as? Int } == [1, 0, 1])
        #expect(steps.allSatisfy { $0["reward"] as? Double == 1 && $0["terminated"] as? Bool == false })
        let second = try #require(steps[0]["observation"] as? [Double])
        // Gymnasium: x' = x + tau * x_dot = 0; theta' = 0.1 + 0.02 * 0 = 0.1.
        #expect(second[0] == 0 && abs(second[2] - 0.1) < 1e-7)
    }

    /// `--options` makes the environment: on a non-slippery FrozenLake the shortest path
    /// reaches the goal for sure.
    @Test func optionsMakeTheEnvironment() throws {
        let output = try #require(
            try DojoBinary.json([
                "rollout", "--env", "FrozenLake-v1", "--options", #"{"is_slippery": false}"#, "--seed", "5", "--actions", "1,1,2,2,1,2", "--json",
            ]) as? [String: Any])
        let steps = try #require(output["steps"] as? [[String: Any]])
        #expect(steps.map { $0["observation"] as? Int } == [4, 8, 9, 10, 14, 15])
        #expect(steps.last?["reward"] as? Double == 1 && steps.last?["terminated"] as? Bool == true)
        let refused = try DojoBinary.run(["rollout", "--env", "FrozenLake-v1", "--options", #"{"is_slipery": false}"#, "--actions", "1"])
        #expect(refused.status != 0 && refused.stderr.contains("is_slipery"), "\(refused.stderr)")
    }

    @Test func sameSeedSameTrajectory() throws {
        let arguments = ["rollout", "--env", "CartPole-v1", "--seed", "9", "--actions", "0,1,0,1", "--json"]
        #expect(try DojoBinary.run(arguments).stdout == DojoBinary.run(arguments).stdout)
    }

    @Test(arguments: [
        (["rollout", "--env", "CartPole-v1", "--actions", "0,2"], "action 1"),
        (["rollout", "--env", "CartPol-v1", "--actions", "0"], "CartPole-v1"),
        (["rollout", "--env", "CartPole-v1", "--actions", "0,x"], "item 1"),
        (["rollout", "--env", "CartPole-v1", "--reset-options", "{oops", "--actions", "0"], "--reset-options"),
        (["rollout", "--env", "CartPole-v1", "--reset-options", #"{"low": "a"}"#, "--actions", "0"], "low"),
        (["rollout", "--env", "CartPole-v1", "--reset-options", #"{"state":[1e400,0,0,0]}"#, "--actions", "0"],
         "column 11: number 1e400 is out of range of a 64-bit float"),
    ])
    func badInputIsANamedErrorAndNonZeroExit(arguments: [String], mention: String) throws {
        let output = try DojoBinary.run(arguments)
        #expect(output.status != 0)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains(mention), "stderr: \(output.stderr)")
        #expect(!output.stderr.contains("Fatal error"))
    }

    @Test func actionsAfterTheEpisodeEndAreAnError() throws {
        let output = try DojoBinary.run([
            "rollout", "--env", "CartPole-v1", "--reset-options", #"{"state": [2.39, 1, 0, 0]}"#, "--actions", "1,1",
        ])
        #expect(output.status != 0 && output.stderr.contains("ended at step 0"))
    }
}

@Suite struct BoardGameRolloutTests {
    /// With `opponent: "none"` the caller plays both sides; X takes the top row and the
    /// mover's step gets +1.
    @Test func callerPlaysBothSides() throws {
        let output = try #require(
            try DojoBinary.json([
                "rollout", "--env", "TicTacToe-v0", "--reset-options", #"{"opponent": "none"}"#, "--actions", "0,3,1,4,2", "--json",
            ]) as? [String: Any])
        let steps = try #require(output["steps"] as? [[String: Any]])
        #expect(steps.map { $0["reward"] as? Double } == [0, 0, 0, 0, 1])
        #expect(steps.last?["terminated"] as? Bool == true)
        let mask = try #require((steps[1]["info"] as? [String: Any])?["action_mask"] as? [Int])
        #expect(mask == [0, 1, 1, 0, 1, 1, 1, 1, 1])
    }

    @Test func illegalMoveLosesWithTheReason() throws {
        let output = try #require(
            try DojoBinary.json([
                "rollout", "--env", "ConnectFour-v0", "--reset-options", #"{"opponent": "none"}"#, "--actions", "3,3,3,3,3,3,3", "--json",
            ])
                as? [String: Any])
        let steps = try #require(output["steps"] as? [[String: Any]])
        let last = try #require(steps.last)
        #expect(last["reward"] as? Double == -1 && last["terminated"] as? Bool == true)
        #expect((last["info"] as? [String: Any])?["illegal_move"] as? Bool == true)
    }
}
