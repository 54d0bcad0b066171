extension DQNConfiguration {
    /// Checks every field's range before training starts.
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` naming the first bad field.
    public func validate() throws(AgentError) {
        func require(_ condition: Bool, _ field: CodingKeys, _ reason: String) throws(AgentError) {
            if !condition { throw .invalidConfiguration(field: field.rawValue, reason: reason) }
        }
        try selfPlay?.validate()
        try require(totalTimesteps > 0, .totalTimesteps, "expected a positive number of steps, got \(totalTimesteps)")
        try require(learningRate >= 0 && learningRate.isFinite, .learningRate, "expected a rate of 0 or more, got \(learningRate)")
        try require(bufferSize > 0, .bufferSize, "expected a positive size, got \(bufferSize)")
        try require(learningStarts >= 0, .learningStarts, "expected 0 or more steps, got \(learningStarts)")
        try require(batchSize > 0, .batchSize, "expected a positive size, got \(batchSize)")
        try require(tau > 0 && tau <= 1, .tau, "expected a value in (0, 1], got \(tau)")
        try require(gamma >= 0 && gamma <= 1, .gamma, "expected a value in [0, 1], got \(gamma)")
        try require(trainFreq > 0, .trainFreq, "expected a positive number of steps, got \(trainFreq)")
        try require(gradientSteps > 0 || gradientSteps == -1, .gradientSteps, "expected a positive number or -1, got \(gradientSteps)")
        try require(targetUpdateInterval > 0, .targetUpdateInterval, "expected a positive number of steps, got \(targetUpdateInterval)")
        try require(explorationFraction > 0 && explorationFraction <= 1, .explorationFraction, "expected a value in (0, 1], got \(explorationFraction)")
        for (value, field) in [(explorationInitialEps, CodingKeys.explorationInitialEps), (explorationFinalEps, .explorationFinalEps)] {
            try require(value >= 0 && value <= 1, field, "expected a probability in [0, 1], got \(value)")
        }
        try require(maxGradNorm > 0, .maxGradNorm, "expected a positive norm, got \(maxGradNorm)")
        try require(netArch.allSatisfy { $0 > 0 && $0 <= 1 << 16 }, .netArch, "expected widths from 1 to 65536, got \(netArch)")
        try require(cnnChannels.allSatisfy { $0 > 0 && $0 <= 1 << 12 }, .cnnChannels, "expected channel counts from 1 to 4096, got \(cnnChannels)")
        try require(nSteps >= 1 && nSteps <= 1_000, .nSteps, "expected 1 to 1000 steps, got \(nSteps)")
        try require(prioritizedReplayAlpha >= 0, .prioritizedReplayAlpha, "expected 0 or more, got \(prioritizedReplayAlpha)")
        try require(prioritizedReplayBeta0 >= 0 && prioritizedReplayBeta0 <= 1, .prioritizedReplayBeta0, "expected a value in [0, 1], got \(prioritizedReplayBeta0)")
        try require(prioritizedReplayEps > 0, .prioritizedReplayEps, "expected a positive value, got \(prioritizedReplayEps)")
        try require(nEnvs >= 1 && nEnvs <= 4_096, .nEnvs, "expected 1 to 4096 copies, got \(nEnvs)")
        try require(evalFreq >= 0, .evalFreq, "expected 0 (off) or a number of steps, got \(evalFreq)")
        try require(nEvalEpisodes > 0, .nEvalEpisodes, "expected a positive number of episodes, got \(nEvalEpisodes)")
        try require(!stopOnRewardThreshold || evalFreq > 0, .stopOnRewardThreshold, "needs eval_freq above 0 to evaluate")
        try require(checkpointFreq >= 0, .checkpointFreq, "expected 0 (off) or a number of steps, got \(checkpointFreq)")
        try require(metricsInterval > 0, .metricsInterval, "expected a positive number of steps, got \(metricsInterval)")
    }
}
