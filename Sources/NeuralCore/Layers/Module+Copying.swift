extension Module {
    /// A deep copy: the same architecture with its own copies of the parameters (a frozen
    /// opponent, a snapshot for self-play).
    ///
    /// - Precondition: the module describes its architecture (NeuralCore's layers and
    ///   containers do).
    public func copy() -> Self {
        guard let architecture else { preconditionFailure("expected a module that describes its architecture to copy, got \(type(of: self))") }
        var generator = SplitMix(seed: 0)
        guard let copy = try? architecture.makeModule(using: &generator) as? Self else {
            preconditionFailure("expected the architecture of \(type(of: self)) to rebuild the same type")
        }
        copy.copyParameters(from: self)
        return copy
    }

    /// Overwrites every parameter with the matching one of `source`, in place (a target
    /// network's hard update); allocates nothing when the parameters are not shared.
    /// - Precondition: the same parameters, in the same order, with the same shapes.
    public func copyParameters(from source: some Module) {
        forEachParameterPair(with: source) { target, source in
            target.value.scalars.withUnsafeMutableBufferPointer { target in
                source.value.scalars.withUnsafeBufferPointer { target.baseAddress?.update(from: $0.baseAddress!, count: $0.count) }
            }
        }
    }

    /// Polyak averaging towards `source`, in place: `θ ← (1 - τ)·θ + τ·θ_source` (DQN's and
    /// SAC's soft target update, SB3's `polyak_update`); `τ = 1` copies.
    ///
    /// - Precondition: `0 ≤ tau ≤ 1`, and the same parameters, in the same order, with the same shapes.
    public func interpolate(towards source: some Module, tau: Float) {
        precondition(tau >= 0 && tau <= 1, "expected tau in [0, 1], got \(tau)")
        guard tau < 1 else {
            copyParameters(from: source)
            return
        }
        forEachParameterPair(with: source) { target, source in
            target.value.scalars.withUnsafeMutableBufferPointer { target in
                source.value.scalars.withUnsafeBufferPointer { source in
                    for index in 0..<target.count { target[index] = target[index] * (1 - tau) + source[index] * tau }
                }
            }
        }
    }

    private func forEachParameterPair(with source: some Module, _ body: (Variable, Variable) -> Void) {
        let targets = parameters
        let sources = source.parameters
        precondition(targets.count == sources.count, "expected \(targets.count) parameters in the source, got \(sources.count)")
        for (target, source) in zip(targets, sources) {
            precondition(target.shape == source.shape, "expected a source parameter of shape \(target.shape), got \(source.shape)")
            body(target, source)
        }
    }
}
