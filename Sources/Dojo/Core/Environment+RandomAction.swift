extension Environment {
    /// A uniformly random action, drawn among the legal ones when the environment says which
    /// actions are legal (`ActionMasking` with a Discrete action space), so random play of a
    /// board game plays it instead of forfeiting on an illegal move.
    ///
    /// The mask check casts to an existential and copies the environment: fine for tools, the
    /// checker and demos, not for a hot stepping loop, which should sample its space directly.
    public func randomAction<G: RandomNumberGenerator>(using generator: inout G) -> Action {
        if let masking = self as? any ActionMasking, let space = actionSpace as? Discrete,
           let action = space.sample(mask: masking.actionMask, using: &generator) as? Action
        {
            return action
        }
        return actionSpace.sample(using: &generator)
    }
}
