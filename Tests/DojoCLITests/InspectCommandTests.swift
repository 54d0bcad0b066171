import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func inspectDescribesSpacesAndLimits() throws {
        let output = try #require(try DojoBinary.json(["inspect", "--env", "CartPole-v0", "--json"]) as? [String: Any])
        #expect(output["max_episode_steps"] as? Int == 200)
        #expect(output["reward_threshold"] as? Double == 195)
        #expect(output["render_fps"] as? Int == 50)
        #expect(output["transition_model"] == nil)
    }
}

@Suite struct InspectTabularTests {
    /// FrozenLake's model as Gymnasium's `P`: state 0, action LEFT slips to 0, 0 or 4, one third each.
    @Test func inspectPrintsTheTransitionModel() throws {
        let output = try #require(try DojoBinary.json(["inspect", "--env", "FrozenLake-v1", "--json"]) as? [String: Any])
        let model = try #require(output["transition_model"] as? [String: Any])
        #expect(model["states"] as? Int == 16 && model["actions"] as? Int == 4)
        let table = try #require(model["transitions"] as? [[[[String: Any]]]])
        #expect(table[0][0].map { $0["next_state"] as? Int } == [0, 0, 4])
        #expect(table[0][0].allSatisfy { abs(($0["probability"] as? Double ?? 0) - 1.0 / 3) < 1e-15 })
        #expect(table[15][2].count == 1 && table[15][2][0]["terminated"] as? Bool == true)
    }
}
