import Agents
import Foundation
import Dojo
import Rendering

/// Plays episodes of one environment with a policy and reports each step, for `watch`.
///
/// It keeps the episode's counters (episode, step, return) for overlays and captions, and
/// draws its actions from a generator seeded once, so `--seed` fixes the whole run. Without a
/// trained policy it plays uniformly random legal actions.
final class EpisodeRunner<E: Environment> {
    private(set) var environment: E
    private var actions: SeededGenerator
    /// The trained policy, or `nil` for random actions.
    private let policy: (any Policy)?
    /// The current observation, flattened for the policy.
    private var observation: [Float]
    /// The current legal actions, for the policy.
    private var mask: [Bool]
    private let seed: UInt64
    /// How many episodes to play.
    let episodeCount: Int
    /// The episode in progress, from 1.
    private(set) var episode = 0
    /// Steps taken in the episode in progress.
    private(set) var step = 0
    /// The return of the episode in progress so far.
    private(set) var episodeReturn = 0.0
    /// Whether the episode in progress has ended.
    private(set) var isEpisodeOver = false
    /// Returns of finished episodes.
    private(set) var returns: [Double] = []

    init(_ environment: E, episodes: Int, seed: UInt64, policy: (any Policy)? = nil) {
        self.environment = environment
        episodeCount = episodes
        self.seed = seed
        self.policy = policy
        actions = SeededGenerator(seed: seed).child(1)
        observation = Array(repeating: 0, count: environment.observationSpace.flatDimension)
        mask = Array(repeating: true, count: environment.actionSpace.indexCount ?? 0)
    }

    /// Starts the next episode (the first one reseeds the environment with the run's seed).
    func startEpisode() throws {
        let start = try environment.reset(seed: episode == 0 ? seed : nil)
        if let policy {
            flatten(start.observation)
            policy.resetMemory()
        }
        episode += 1
        step = 0
        episodeReturn = 0
        isEpisodeOver = false
    }

    /// Takes one step with the policy's greedy action, or a random legal one without a policy.
    func advance() {
        let result = environment.step(nextAction())
        if policy != nil { flatten(result.observation) }
        step += 1
        episodeReturn += result.reward
        if result.isDone {
            isEpisodeOver = true
            returns.append(episodeReturn)
        }
    }

    private func nextAction() -> E.Action {
        guard let policy else { return environment.randomAction(using: &actions) }
        let space = environment.actionSpace
        if space.indexCount == nil, let continuous = policy as? any ContinuousPolicy {
            var values = [Float](repeating: 0, count: continuous.actionSize)
            observation.withUnsafeBufferPointer { observation in
                values.withUnsafeMutableBufferPointer { values in
                    continuous.chooseActions(observations: observation, count: 1, deterministic: true, into: values, using: &actions)
                }
            }
            if let action = values.withUnsafeBufferPointer({ space.clippedElement(fromFlat: $0) }) { return action }
        }
        let masks = environment.masksActions
        if masks { mask.withUnsafeMutableBufferPointer { environment.writeActionMask(into: $0) } }
        let index = observation.withUnsafeBufferPointer { observation in
            mask.withUnsafeBufferPointer { mask in
                policy.action(for: observation, mask: masks ? mask : nil, using: &actions)
            }
        }
        return environment.actionSpace.element(atIndex: index)
    }

    private func flatten(_ value: E.Observation) {
        let space = environment.observationSpace
        observation.withUnsafeMutableBufferPointer { space.flatten(value, into: $0) }
    }

    /// Whether every episode has been played to its end.
    var isFinished: Bool { episode >= episodeCount && isEpisodeOver }

    /// "episode 2/3  step 41  return 41", for overlays and captions.
    var caption: String {
        let total = episodeReturn.rounded() == episodeReturn ? String(Int(episodeReturn)) : String(format: "%.2f", episodeReturn)
        return "episode \(episode)/\(episodeCount)  step \(step)  return \(total)"
    }

    /// The current RGB frame, if the environment draws one.
    var frame: Frame? {
        if case .frame(let frame)? = environment.render(.rgb) { return frame }
        return nil
    }

    /// The current text drawing, if the environment has one.
    var text: String? {
        if case .text(let text)? = environment.render(.ansi) { return text }
        return nil
    }
}
