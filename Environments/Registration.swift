import Dojo

extension EnvironmentRegistry {
    /// Every environment Dojo ships, under Gymnasium-style ids.
    public static let standard: EnvironmentRegistry = {
        var registry = EnvironmentRegistry()
        registry.register(EnvironmentSpec(
            id: "CartPole-v1", maxEpisodeSteps: 500, rewardThreshold: 475,
            summary: "Balance a pole on a cart (Gymnasium's CartPole-v1)."
        ) { options throws(EnvironmentError) in try CartPole(options: options) })
        registry.register(EnvironmentSpec(
            id: "CartPole-v0", maxEpisodeSteps: 200, rewardThreshold: 195,
            summary: "Balance a pole on a cart, 200-step episodes (Gymnasium's CartPole-v0)."
        ) { options throws(EnvironmentError) in try CartPole(options: options) })
        registry.registerGridWorlds()
        return registry
    }()
}
