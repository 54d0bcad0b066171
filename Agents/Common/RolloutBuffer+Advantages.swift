extension RolloutBuffer {
    /// Fills ``advantages`` with GAE(lambda) (Schulman et al., 2016) and ``returns`` with
    /// advantages plus values, walking each copy's steps backwards:
    /// `δ = r + γ·V(next) − V`, `A = δ + γλ·A(next)`, the chain cut where an episode ends.
    ///
    /// `V(next)` is the next row's value, or `lastValues` after the last step; 0 after a
    /// termination; the final observation's value after a truncation: the one given with
    /// ``setFinalValue(_:step:copy:)`` under same-step autoreset, or, under next-step autoreset,
    /// the value of the following reset step, whose observation is that final one. Reset steps
    /// get advantage and return 0 and stay out of training. With `lambda` 1 and zero values the
    /// advantages are the discounted rewards-to-go (REINFORCE).
    ///
    /// A rollout may stop before the buffer is full (whole-episode rollouts, REINFORCE's): only
    /// the steps stored count, and `lastValues` follow the last of them.
    ///
    /// - Parameter lastValues: the value of each copy's observation after the last step stored.
    /// - Precondition: at least one step is stored, and every truncated row has its final value
    ///   under same-step autoreset.
    public mutating func computeAdvantages(lastValues: [Float], gamma: Float, lambda: Float) {
        precondition(count > 0, "expected a rollout of at least one step")
        precondition(lastValues.count == copies, "expected \(copies) last values, got \(lastValues.count)")
        for copy in 0..<copies {
            var following: Float = 0
            for step in stride(from: count - 1, through: 0, by: -1) {
                let row = step * copies + copy
                guard isTrainingRow[row] else {
                    advantages[row] = 0
                    returns[row] = 0
                    following = 0
                    continue
                }
                let nextValue = step + 1 < count ? values[row + copies] : lastValues[copy]
                let bootstrap: Float
                if terminations[row] {
                    bootstrap = 0
                } else if truncations[row] && autoresetMode == .sameStep {
                    precondition(hasFinalValue[row], "expected the final value of the truncated episode at step \(step), copy \(copy)")
                    bootstrap = finalValues[row]
                } else {
                    bootstrap = nextValue
                }
                let ended = terminations[row] || truncations[row]
                let delta = rewards[row] + gamma * bootstrap - values[row]
                let advantage = delta + (ended ? 0 : gamma * lambda * following)
                advantages[row] = advantage
                returns[row] = advantage + values[row]
                following = advantage
            }
        }
    }
}
