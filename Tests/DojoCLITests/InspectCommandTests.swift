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
