import Dojo

extension EnvironmentRegistry {
    /// Registers `CartPole-v1` (500 steps, threshold 475) and `CartPole-v0` (200 steps,
    /// threshold 195), Gymnasium's ids and limits; options `kinematics_integrator` and
    /// `sutton_barto_reward`.
    public mutating func registerCartPoles() {
        register(EnvironmentSpec(
            id: "CartPole-v1", maxEpisodeSteps: 500, rewardThreshold: 475,
            summary: "Balance a pole on a cart (Gymnasium's CartPole-v1)."
        ) { options throws(EnvironmentError) in try CartPole(options: options) })
        register(EnvironmentSpec(
            id: "CartPole-v0", maxEpisodeSteps: 200, rewardThreshold: 195,
            summary: "Balance a pole on a cart, 200-step episodes (Gymnasium's CartPole-v0)."
        ) { options throws(EnvironmentError) in try CartPole(options: options) })
    }
}
