extension PPOConfiguration {
    /// The most rows one rollout may hold, `n_steps * n_envs`: 16M rows, far past any preset,
    /// and a bound that keeps the product from overflowing.
    public static let maximumRolloutRows = 1 << 24

    /// Checks every field's range, and the fields that must agree, before training starts.
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` naming the first bad field.
    public func validate() throws(AgentError) {
        func require(_ condition: Bool, _ field: CodingKeys, _ reason: String) throws(AgentError) {
            if !condition { throw .invalidConfiguration(field: field.rawValue, reason: reason) }
        }
        try selfPlay?.validate()
        try require(totalTimesteps > 0, .totalTimesteps, "expected a positive number of steps, got \(totalTimesteps)")
        try require(learningRate >= 0 && learningRate.isFinite, .learningRate, "expected a rate of 0 or more, got \(learningRate)")
        try require(nSteps > 0, .nSteps, "expected a positive number of steps, got \(nSteps)")
        try require(nEpochs > 0, .nEpochs, "expected a positive number of epochs, got \(nEpochs)")
        try require(gamma >= 0 && gamma <= 1, .gamma, "expected a value in [0, 1], got \(gamma)")
        try require(gaeLambda >= 0 && gaeLambda <= 1, .gaeLambda, "expected a value in [0, 1], got \(gaeLambda)")
        try require(clipRange > 0, .clipRange, "expected a positive range (inf for none), got \(clipRange)")
        if let clipRangeVf { try require(clipRangeVf > 0, .clipRangeVf, "expected a positive range or null, got \(clipRangeVf)") }
        try require(entCoef >= 0 && entCoef.isFinite, .entCoef, "expected 0 or more, got \(entCoef)")
        try require(vfCoef >= 0 && vfCoef.isFinite, .vfCoef, "expected 0 or more, got \(vfCoef)")
        try require(maxGradNorm > 0, .maxGradNorm, "expected a positive norm, got \(maxGradNorm)")
        if let targetKl { try require(targetKl > 0, .targetKl, "expected a positive divergence or null, got \(targetKl)") }
        try require(netArch.allSatisfy { $0 > 0 && $0 <= 1 << 16 }, .netArch, "expected widths from 1 to 65536, got \(netArch)")
        try require(cnnChannels.allSatisfy { $0 > 0 && $0 <= 1 << 12 }, .cnnChannels, "expected channel counts from 1 to 4096, got \(cnnChannels)")
        try require(nEnvs >= 1 && nEnvs <= 4_096, .nEnvs, "expected 1 to 4096 copies, got \(nEnvs)")
        try require(rmsPropEps > 0, .rmsPropEps, "expected a positive value, got \(rmsPropEps)")
        try require(evalFreq >= 0, .evalFreq, "expected 0 (off) or a number of steps, got \(evalFreq)")
        try require(nEvalEpisodes > 0, .nEvalEpisodes, "expected a positive number of episodes, got \(nEvalEpisodes)")
        try require(!stopOnRewardThreshold || evalFreq > 0, .stopOnRewardThreshold, "needs eval_freq above 0 to evaluate")
        try require(checkpointFreq >= 0, .checkpointFreq, "expected 0 (off) or a number of steps, got \(checkpointFreq)")
        try require(metricsInterval > 0, .metricsInterval, "expected a positive number of steps, got \(metricsInterval)")
        let (rowsPerRollout, overflow) = nSteps.multipliedReportingOverflow(by: nEnvs)
        try require(
            !overflow && rowsPerRollout <= Self.maximumRolloutRows, .nSteps,
            "expected n_steps * n_envs of at most \(Self.maximumRolloutRows), got \(nSteps) * \(nEnvs)")
        try require(
            completeEpisodes || (batchSize > 0 && batchSize <= rowsPerRollout), .batchSize,
            "expected 1 to n_steps * n_envs (\(rowsPerRollout)), got \(batchSize)")
        if recurrent {
            try require(!completeEpisodes, .recurrent, "recurrent policies train on n_steps sequences, not complete_episodes")
            try require(lstmHiddenSize > 0 && lstmHiddenSize <= 1 << 14, .lstmHiddenSize, "expected a size from 1 to 16384, got \(lstmHiddenSize)")
            try require(batchSize % nSteps == 0, .batchSize, "a recurrent batch is whole sequences: expected a multiple of n_steps (\(nSteps)), got \(batchSize)")
        }
    }
}
