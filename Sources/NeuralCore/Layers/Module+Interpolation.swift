extension Module {
    /// Moves every parameter towards the matching parameter of `source`:
    /// `θ ← τ·θ_source + (1 - τ)·θ` (Polyak averaging; `τ = 1` copies).
    ///
    /// Used for slowly tracking copies of a network, such as a target network.
    /// - Precondition: both modules have the same parameter count and shapes, in the same order,
    ///   and `0 <= tau <= 1`.
    public func interpolate(towards source: some Module, tau: Float) {
        precondition(tau >= 0 && tau <= 1, "expected tau in [0, 1], got \(tau)")
        let targets = parameters
        let sources = source.parameters
        precondition(targets.count == sources.count, "expected \(targets.count) parameters in the source, got \(sources.count)")
        for (target, source) in zip(targets, sources) {
            precondition(target.shape == source.shape, "expected a source parameter of shape \(target.shape), got \(source.shape)")
            target.value = tau == 1 ? source.value : target.value * (1 - tau) + source.value * tau
        }
    }
}
