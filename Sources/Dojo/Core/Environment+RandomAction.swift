extension Environment {
    /// A uniformly random action, drawn among the legal ones when the environment masks actions
    /// (``Environment/masksActions``), so random play of a board game plays it instead of
    /// forfeiting on an illegal move.
    ///
    /// The mask is read into a new array: fine for tools, the checker and demos, not for a hot
    /// stepping loop, which should keep its own mask buffer.
    public func randomAction<G: RandomNumberGenerator>(using generator: inout G) -> Action {
        guard let mask = legalActionMask else { return actionSpace.sample(using: &generator) }
        var allowed = 0
        for isAllowed in mask where isAllowed { allowed += 1 }
        guard allowed > 0 else { return actionSpace.sample(using: &generator) }
        var pick = Int(generator.next(upperBound: UInt64(allowed)))
        for (index, isAllowed) in mask.enumerated() where isAllowed {
            if pick == 0 { return actionSpace.element(atIndex: index) }
            pick -= 1
        }
        return actionSpace.sample(using: &generator)
    }
}
