import NeuralCore

extension ActorCritic {
    /// The log-probability of each batch row's action under the actor's distribution at
    /// `states`, and the distribution's entropy per row: a categorical over the logits (masked
    /// where the batch masks), or a diagonal Gaussian around the outputs with
    /// ``logStandardDeviation``.
    func distribution(of states: Variable, batch: RolloutBatch) -> (logProbability: Variable, entropy: Variable) {
        let outputs = actor(states)
        if let logStandardDeviation {
            let gaussian = DiagonalGaussian(mean: outputs, logStandardDeviation: logStandardDeviation.value)
            return (gaussian.logProbability(of: batch.continuousActions), gaussian.entropy())
        }
        let categorical = batch.usesMasks ? Categorical(logits: outputs, mask: batch.masks) : Categorical(logits: outputs)
        return (categorical.logProbability(of: batch.actions), categorical.entropy())
    }
}
