/// When a vector environment restarts a copy whose episode ended.
///
/// Gymnasium 1.x's default is `nextStep`; Stable-Baselines3's vector envs behave as `sameStep`.
public enum AutoresetMode: String, Sendable, CaseIterable {
    /// The step that ends an episode returns its final observation, reward and flags as usual.
    /// The following `step` ignores that copy's action, resets it, and returns the first
    /// observation of the new episode with reward 0 and both flags false.
    case nextStep
    /// The step that ends an episode resets the copy at once: the observation buffer holds the
    /// new episode's first observation, and the ended episode's last observation goes to
    /// `finalObservations`, flagged in `hasFinalObservation`.
    case sameStep
}
