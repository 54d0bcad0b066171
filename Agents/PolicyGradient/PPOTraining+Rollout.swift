import Dojo
import Foundation
import NeuralCore

extension PPOTraining {
    /// `n_steps` steps of every copy into the buffer, or with `complete_episodes` one episode
    /// of every copy from a common reset, then GAE.
    func collectRollout() throws(AgentError) {
        buffer.reset()
        let copies = envs.count
        if configuration.completeEpisodes {
            do {
                try envs.reset()
            } catch {
                throw .environment(error)
            }
            for copy in 0..<copies {
                running[copy] = true
                episodeStarts[copy] = true
            }
        }
        if policy.memory != nil {
            policy.memory?.resize(to: copies)
            rolloutStartMemory = (policy.memory!.hidden, policy.memory!.cell)
        }
        for step in 0..<configuration.nSteps {
            let batchNow = envs.batch
            _ = observations.withUnsafeMutableBufferPointer { $0.initialize(from: batchNow.observations) }
            if usesMasks { _ = masks.withUnsafeMutableBufferPointer { $0.initialize(from: batchNow.actionMasks) } }
            observations.withUnsafeBufferPointer { observations in
                masks.withUnsafeBufferPointer { masks in
                    actions.withUnsafeMutableBufferPointer { actions in
                        logProbabilities.withUnsafeMutableBufferPointer { logProbabilities in
                            values.withUnsafeMutableBufferPointer { values in
                                episodeStarts.withUnsafeBufferPointer { starts in
                                    continuousActions.withUnsafeMutableBufferPointer { continuous in
                                        policy.act(
                                            observations: observations, count: copies, masks: usesMasks ? masks : nil, deterministic: false,
                                            actions: actions, logProbabilities: logProbabilities, values: values, episodeStarts: starts,
                                            continuousActions: continuous.isEmpty ? nil : continuous, using: &collectionGenerator)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !configuration.useBaseline { zeroValues() }
            setEnvironmentActions()
            let result = envs.step(environmentActions)
            timesteps += copies
            observations.withUnsafeBufferPointer { observations in
                masks.withUnsafeBufferPointer { masks in
                    actions.withUnsafeBufferPointer { actions in
                        logProbabilities.withUnsafeBufferPointer { logProbabilities in
                            values.withUnsafeBufferPointer { values in
                                episodeStarts.withUnsafeBufferPointer { starts in
                                    buffer.add(
                                        observations: observations, masks: usesMasks ? masks : nil, actions: actions,
                                        logProbabilities: logProbabilities, values: values, episodeStarts: starts,
                                        rewards: result.rewards, terminations: result.terminations, truncations: result.truncations)
                                    if buffer.continuousActionSize > 0 {
                                        continuousActions.withUnsafeBufferPointer { buffer.setContinuousActions($0) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if configuration.completeEpisodes {
                for copy in 0..<copies {
                    if !running[copy] { buffer.leaveOutOfTraining(step: step, copy: copy) }
                    if result.terminations[copy] || result.truncations[copy] { running[copy] = false }
                }
            }
            for copy in 0..<copies {
                let ended = result.terminations[copy] || result.truncations[copy]
                episodeStarts[copy] = ended
                if result.truncations[copy] && !result.terminations[copy] {
                    var finalValue: Float = 0
                    if configuration.useBaseline {
                        withUnsafeMutablePointer(to: &finalValue) { pointer in
                            policy.values(
                                observations: result.finalObservation(copy), count: 1, firstRow: copy,
                                into: UnsafeMutableBufferPointer(start: pointer, count: 1))
                        }
                    }
                    buffer.setFinalValue(finalValue, step: step, copy: copy)
                }
                if result.hasEpisodeStatistics[copy] {
                    episodes += 1
                    events.episodeEnded(return: result.episodeReturns[copy], timesteps: timesteps)
                }
            }
            if configuration.completeEpisodes && !running.contains(true) { break }
        }
        episodeStarts.withUnsafeBufferPointer { starts in policy.memory?.forget(where: starts) }
        values.withUnsafeMutableBufferPointer { last in
            policy.values(observations: envs.batch.observations, count: copies, into: last)
        }
        if !configuration.useBaseline { zeroValues() }
        buffer.computeAdvantages(lastValues: values, gamma: configuration.gamma, lambda: configuration.gaeLambda)
    }

    /// The environment's action for every copy: the element an index names, or a Gaussian's
    /// values clipped into the Box.
    func setEnvironmentActions() {
        let copies = envs.count
        guard buffer.continuousActionSize > 0 else {
            for copy in 0..<copies { environmentActions[copy] = actionSpace.element(atIndex: actions[copy]) }
            return
        }
        let width = buffer.continuousActionSize
        continuousActions.withUnsafeBufferPointer { values in
            for copy in 0..<copies {
                guard let action = actionSpace.clippedElement(fromFlat: UnsafeBufferPointer(rebasing: values[copy * width..<(copy + 1) * width])) else {
                    preconditionFailure("expected the Box action space to take continuous values")
                }
                environmentActions[copy] = action
            }
        }
    }

    /// Without a baseline the values are 0, so advantages are the returns themselves.
    func zeroValues() {
        for copy in values.indices { values[copy] = 0 }
    }
}
