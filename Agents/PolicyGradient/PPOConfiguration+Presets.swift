extension PPOConfiguration {
    /// The named presets for `environmentID`: `sb3` (SB3's defaults) everywhere; for
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
    public static func preset(named name: String, environmentID: String) throws(AgentError) -> PPOConfiguration {
        let presets = presets(for: environmentID)
        if let preset = presets[name] { return preset }
        if name == "default" { return PPOConfiguration() }
        throw .invalidConfiguration(
            field: "preset", reason: "no PPO preset '\(name)' for \(environmentID); there are \(presets.keys.sorted().joined(separator: ", "))")
    }
}
