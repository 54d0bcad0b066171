import Dojo
import Foundation
import NeuralCore

extension PPOTraining {
    /// `n_epochs` passes over the rollout in shuffled minibatches, stopping early past the
    /// target KL as SB3 does; a whole-episode rollout is one batch of all its training rows.
    func train() {
        let remaining = progressRemaining
        learner.optimizer.learningRate = configuration.learningRate * (configuration.learningRateSchedule == .linear ? remaining : 1)
        let clipShrinks = configuration.clipRangeSchedule == .linear && configuration.clipRange.isFinite
        learner.clipRange = configuration.clipRange * (clipShrinks ? remaining : 1)
        if configuration.completeEpisodes {
            let trainingRows = buffer.trainingRows
            let whole = RolloutBatch(size: trainingRows.count, observationSize: observationSize, actionCount: actionCount, usesMasks: usesMasks)
            buffer.fill(whole, rows: trainingRows[...])
            for _ in 0..<configuration.nEpochs {
                events.updated(learner.update(on: whole))
                updates += 1
            }
            return
        }
        if configuration.recurrent { return trainSequences() }
        epochs: for _ in 0..<configuration.nEpochs {
            rows.shuffle(using: &shuffleGenerator)
            var start = 0
            while start + configuration.batchSize <= rows.count {
                buffer.fill(batch, rows: rows[start..<start + configuration.batchSize])
                let statistics = learner.update(on: batch)
                events.updated(statistics)
                updates += 1
                start += configuration.batchSize
                if let targetKl = configuration.targetKl, statistics.approximateKL > 1.5 * targetKl { break epochs }
            }
        }
    }

    /// `n_epochs` passes over the rollout in minibatches of whole copies' sequences, shuffled,
    /// each replayed through the memory from its state at the rollout's start.
    func trainSequences() {
        let perBatch = configuration.batchSize / configuration.nSteps
        epochs: for _ in 0..<configuration.nEpochs {
            copyOrder.shuffle(using: &shuffleGenerator)
            var start = 0
            while start + perBatch <= copyOrder.count {
                buffer.fillSequences(
                    batch, copies: copyOrder[start..<start + perBatch], initialHidden: rolloutStartMemory.hidden,
                    initialCell: rolloutStartMemory.cell)
                let statistics = learner.update(on: batch)
                events.updated(statistics)
                updates += 1
                start += perBatch
                if let targetKl = configuration.targetKl, statistics.approximateKL > 1.5 * targetKl { break epochs }
            }
        }
    }
}

extension TrainingEvents {
    /// Counts a policy-gradient step's loss and its terms.
    func updated(_ statistics: PPOUpdateStatistics) {
        updated(
            loss: Double(statistics.loss),
            terms: (Double(statistics.policyLoss), Double(statistics.valueLoss), Double(statistics.entropy)))
    }
}
