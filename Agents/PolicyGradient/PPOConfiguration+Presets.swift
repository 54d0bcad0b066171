extension PPOConfiguration {
    /// The named A2C presets for `environmentID`: `sb3` (SB3's A2C defaults) everywhere; for
    /// CartPole-v1 `zoo`, which is also the `default`.
    public static func a2cPresets(for environmentID: String) -> [String: PPOConfiguration] {
        var presets = ["sb3": a2cDefaults()]
        if environmentID == "CartPole-v1" {
            presets["zoo"] = cartPoleA2CZoo
            presets["default"] = cartPoleA2CZoo
        }
        return presets
    }

    /// The named PPO presets for `environmentID`: `sb3` (SB3's defaults) everywhere; for
    /// CartPole-v1 `zoo`, which is also the `default` until Dojo's own faster one is tuned.
    public static func presets(for environmentID: String) -> [String: PPOConfiguration] {
        var presets = ["sb3": PPOConfiguration()]
        if environmentID == "CartPole-v1" {
            presets["zoo"] = cartPoleZoo
            presets["default"] = cartPoleZoo
        }
        return presets
    }

    /// The preset `name` for `environmentID`; `default` falls back to SB3's defaults where
    /// Dojo has no tuned values.
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` naming the presets there are.
    /// - Parameter agent: `ppo` or `a2c`.
    public static func preset(named name: String, environmentID: String, agent: String = "ppo") throws(AgentError) -> PPOConfiguration {
        let isA2C = agent == PPOCheckpoint.a2cAgentName
        let presets = isA2C ? a2cPresets(for: environmentID) : presets(for: environmentID)
        if let preset = presets[name] { return preset }
        if name == "default" { return isA2C ? a2cDefaults() : PPOConfiguration() }
        throw .invalidConfiguration(
            field: "preset",
            reason: "no \(agent.uppercased()) preset '\(name)' for \(environmentID); there are \(presets.keys.sorted().joined(separator: ", "))")
    }
}
