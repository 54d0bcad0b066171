import Dojo

/// A fixed number of steps of every vector-environment copy for on-policy learning (A2C, PPO,
/// REINFORCE), in parallel arrays sized once, row `step * copies + copy`.
///
/// Each row keeps what the policy saw and did (observation, legal actions, action, its
/// log-probability, the value estimate, whether the observation began an episode) and what
/// followed (reward, termination, truncation). ``computeAdvantages(lastValues:)`` then turns the
/// rows into GAE(lambda) advantages and returns. A truncated episode is bootstrapped from the
/// value of its final observation; a terminated one is not. Both autoreset modes of the vector
/// environments are understood: with same-step autoreset the collector supplies each truncated
/// row's final value (``setFinalValue(_:step:copy:)``); with next-step autoreset the row after an
/// episode's end is the reset step (its observation is the final one, its action ignored), so
/// its value is the bootstrap and the row itself is left out of training (``isTrainingRow``).
public struct RolloutBuffer: Sendable {
    /// Steps per copy.
    public let steps: Int
    /// Vector-environment copies.
    public let copies: Int
    /// Floats per flattened observation.
    public let observationSize: Int
    /// Action indices per step (the width of a mask row).
    public let actionCount: Int
    /// Whether legal-action masks are stored.
    public let storesMasks: Bool
    /// Floats per continuous action (a Box action's flat size), or 0 for action indices.
    public let continuousActionSize: Int
    /// How the vector environment resets ended episodes.
    public let autoresetMode: AutoresetMode
    /// The steps stored so far.
    public private(set) var count = 0

    /// The observations the policy acted on, `observationSize` floats per row.
    public internal(set) var observations: [Float]
    /// The legal actions at each observation, `actionCount` flags per row (empty unless
    /// `storesMasks`).
    public internal(set) var masks: [Bool]
    /// The action indices taken.
    public internal(set) var actions: [Int]
    /// The continuous actions taken, as the policy drew them before any clipping,
    /// `continuousActionSize` floats per row (empty for action indices).
    public internal(set) var continuousActions: [Float]
    /// The log-probability of each action under the policy that took it.
    public internal(set) var logProbabilities: [Float]
    /// The critic's value of each observation.
    public internal(set) var values: [Float]
    /// Whether each observation began an episode.
    public internal(set) var episodeStarts: [Bool]
    /// The reward that followed each action.
    public internal(set) var rewards: [Float]
    /// Whether the episode truly ended after the action.
    public internal(set) var terminations: [Bool]
    /// Whether a time limit cut the episode after the action.
    public internal(set) var truncations: [Bool]
    /// The value of each truncated row's final observation (same-step autoreset).
    var finalValues: [Float]
    var hasFinalValue: [Bool]
    /// Whether each row is a real transition (false for a next-step autoreset's reset step).
    public internal(set) var isTrainingRow: [Bool]
    /// GAE(lambda) advantages, after ``computeAdvantages(lastValues:)``.
    public internal(set) var advantages: [Float]
    /// Advantages plus values: the critic's targets, after ``computeAdvantages(lastValues:)``.
    public internal(set) var returns: [Float]
    /// Per copy: whether its last stored step ended an episode (next-step autoreset makes the
    /// following row a reset step).
    var endedLastStep: [Bool]

    /// An empty buffer of `steps` steps of `copies` copies.
    public init(
        steps: Int, copies: Int, observationSize: Int, actionCount: Int, storesMasks: Bool, autoresetMode: AutoresetMode,
        continuousActionSize: Int = 0
    ) {
        precondition(steps > 0 && copies > 0, "expected positive steps and copies, got \(steps) and \(copies)")
        self.steps = steps
        self.copies = copies
        self.observationSize = observationSize
        self.actionCount = actionCount
        self.storesMasks = storesMasks
        self.autoresetMode = autoresetMode
        self.continuousActionSize = continuousActionSize
        let rows = steps * copies
        observations = Array(repeating: 0, count: rows * observationSize)
        masks = Array(repeating: true, count: storesMasks ? rows * actionCount : 0)
        actions = Array(repeating: 0, count: rows)
        continuousActions = Array(repeating: 0, count: rows * continuousActionSize)
        logProbabilities = Array(repeating: 0, count: rows)
        values = Array(repeating: 0, count: rows)
        episodeStarts = Array(repeating: false, count: rows)
        rewards = Array(repeating: 0, count: rows)
        terminations = Array(repeating: false, count: rows)
        truncations = Array(repeating: false, count: rows)
        finalValues = Array(repeating: 0, count: rows)
        hasFinalValue = Array(repeating: false, count: rows)
        isTrainingRow = Array(repeating: true, count: rows)
        advantages = Array(repeating: 0, count: rows)
        returns = Array(repeating: 0, count: rows)
        endedLastStep = Array(repeating: false, count: copies)
    }

    /// Whether every step is stored.
    public var isFull: Bool { count == steps }

    /// Empties the buffer for the next rollout; which copies just ended an episode is kept, so
    /// a reset step at the start of the next rollout is still recognised.
    public mutating func reset() {
        count = 0
        for row in 0..<hasFinalValue.count { hasFinalValue[row] = false }
    }

    /// Stores one step of every copy: what the policy saw and did, then what the environment
    /// returned. Row `copy` of each buffer belongs to copy `copy`.
    ///
    /// - Parameters:
    ///   - masks: the legal actions at `observations` (ignored unless `storesMasks`).
    ///   - episodeStarts: whether each observation began an episode (recurrent policies reset
    ///     their state there).
    /// - Precondition: the buffer is not full.
    public mutating func add(
        observations: UnsafeBufferPointer<Float>, masks: UnsafeBufferPointer<Bool>?, actions: UnsafeBufferPointer<Int>,
        logProbabilities: UnsafeBufferPointer<Float>, values: UnsafeBufferPointer<Float>, episodeStarts: UnsafeBufferPointer<Bool>,
        rewards: UnsafeBufferPointer<Double>, terminations: UnsafeBufferPointer<Bool>, truncations: UnsafeBufferPointer<Bool>
    ) {
        precondition(count < steps, "expected reset() before adding to a full rollout buffer")
        precondition(observations.count == copies * observationSize, "expected \(copies) observations of \(observationSize) floats")
        let base = count * copies
        self.observations.withUnsafeMutableBufferPointer { rows in
            for index in 0..<observations.count { rows[base * observationSize + index] = observations[index] }
        }
        if storesMasks, let masks {
            for index in 0..<copies * actionCount { self.masks[base * actionCount + index] = masks[index] }
        }
        for copy in 0..<copies {
            let row = base + copy
            self.actions[row] = actions[copy]
            self.logProbabilities[row] = logProbabilities[copy]
            self.values[row] = values[copy]
            self.episodeStarts[row] = episodeStarts[copy]
            self.rewards[row] = Float(rewards[copy])
            self.terminations[row] = terminations[copy]
            self.truncations[row] = truncations[copy]
            let isResetStep = autoresetMode == .nextStep && endedLastStep[copy]
            isTrainingRow[row] = !isResetStep
            endedLastStep[copy] = !isResetStep && (terminations[copy] || truncations[copy])
        }
        count += 1
    }

    /// ``add(observations:masks:actions:logProbabilities:values:episodeStarts:rewards:terminations:truncations:)``
    /// with the step given as arrays (steps made by hand, or gathered from elsewhere).
    public mutating func add(
        observations: [Float], masks: [Bool]?, actions: [Int], logProbabilities: [Float], values: [Float], episodeStarts: [Bool],
        rewards: [Double], terminations: [Bool], truncations: [Bool]
    ) {
        observations.withUnsafeBufferPointer { observations in
            (masks ?? []).withUnsafeBufferPointer { maskBuffer in
                actions.withUnsafeBufferPointer { actions in
                    logProbabilities.withUnsafeBufferPointer { logProbabilities in
                        values.withUnsafeBufferPointer { values in
                            episodeStarts.withUnsafeBufferPointer { episodeStarts in
                                rewards.withUnsafeBufferPointer { rewards in
                                    terminations.withUnsafeBufferPointer { terminations in
                                        truncations.withUnsafeBufferPointer { truncations in
                                            add(
                                                observations: observations, masks: masks == nil ? nil : maskBuffer, actions: actions,
                                                logProbabilities: logProbabilities, values: values, episodeStarts: episodeStarts,
                                                rewards: rewards, terminations: terminations, truncations: truncations)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Stores the continuous actions of the step ``add(observations:masks:actions:logProbabilities:values:episodeStarts:rewards:terminations:truncations:)``
    /// stored last, `continuousActionSize` floats per copy.
    public mutating func setContinuousActions(_ values: UnsafeBufferPointer<Float>) {
        precondition(count > 0 && values.count == copies * continuousActionSize, "expected \(copies * continuousActionSize) values after a step")
        let base = (count - 1) * copies * continuousActionSize
        for index in 0..<values.count { continuousActions[base + index] = values[index] }
    }

    /// Leaves the row of `copy` at `step` out of training: a copy that already finished its
    /// episode in a whole-episode rollout steps on, but what it does belongs to no episode the
    /// rollout trains on.
    public mutating func leaveOutOfTraining(step: Int, copy: Int) {
        isTrainingRow[step * copies + copy] = false
    }

    /// The rows stored so far that train, in row order.
    public var trainingRows: [Int] { (0..<count * copies).filter { isTrainingRow[$0] } }

    /// Gives a truncated row the value of its episode's final observation, which same-step
    /// autoreset has already replaced in the batch (``VectorBatch/finalObservation(_:)``).
    public mutating func setFinalValue(_ value: Float, step: Int, copy: Int) {
        let row = step * copies + copy
        finalValues[row] = value
        hasFinalValue[row] = true
    }
}
