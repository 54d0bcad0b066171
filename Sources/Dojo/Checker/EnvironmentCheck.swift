/// Checks that `environment` keeps the `Environment` contract, as Gymnasium's `check_env`, and
/// reports every violation it finds rather than stopping at the first.
///
/// It resets with `seed`, checks that observations lie in the observation space, that sampled
/// actions lie in the action space (sampled within the action mask where the environment masks actions
/// environments, so board games are played rather than ended by an illegal move), that rewards are finite, that each render mode the metadata
/// lists produces output, and that resetting with the same seed and replaying the same actions
/// gives the same trajectory.
///
/// - Parameters:
///   - environment: the environment to check; it is reset and stepped.
///   - seed: the seed for resets and for the actions the checker samples.
///   - steps: how many steps each trajectory takes (across episode ends).
/// - Returns: a report whose `violations` is empty when every check passed.
public func checkEnvironment<E: Environment>(_ environment: inout E, seed: UInt64 = 0, steps: Int = 200) -> EnvironmentCheckReport {
    var report = EnvironmentCheckReport()
    let first = recordTrajectory(&environment, seed: seed, steps: steps, report: &report)
    let second = recordTrajectory(&environment, seed: seed, steps: steps, report: &report)
    if let first, let second, let difference = first.firstDifference(from: second) {
        report.violations.append("reset(seed: \(seed)) twice with the same actions gave different trajectories: \(difference)")
    }
    checkRendering(environment, report: &report)
    return report
}

/// The outcome of `checkEnvironment`.
public struct EnvironmentCheckReport: Sendable, CustomStringConvertible {
    /// One message per contract violation found, in the order found.
    public var violations: [String] = []

    /// Whether no violation was found.
    public var isPassing: Bool { violations.isEmpty }

    public var description: String {
        isPassing ? "environment check passed" : violations.map { "- \($0)" }.joined(separator: "\n")
    }
}

/// One seeded rollout, kept as JSON so trajectories of any observation type can be compared.
private struct Trajectory {
    var observations: [JSONValue] = []
    var rewards: [Double] = []
    var flags: [String] = []

    func firstDifference(from other: Trajectory) -> String? {
        for index in 0..<min(observations.count, other.observations.count) where observations[index] != other.observations[index] {
            return "observation \(index) was \(observations[index].jsonText), then \(other.observations[index].jsonText)"
        }
        for index in 0..<min(rewards.count, other.rewards.count) where rewards[index] != other.rewards[index] {
            return "reward \(index) was \(rewards[index]), then \(other.rewards[index])"
        }
        for index in 0..<min(flags.count, other.flags.count) where flags[index] != other.flags[index] {
            return "step \(index) ended as \(flags[index]), then \(other.flags[index])"
        }
        if observations.count != other.observations.count {
            return "lengths \(observations.count) and \(other.observations.count)"
        }
        return nil
    }
}

private func recordTrajectory<E: Environment>(
    _ environment: inout E, seed: UInt64, steps: Int, report: inout EnvironmentCheckReport
) -> Trajectory? {
    var trajectory = Trajectory()
    var actions = SeededGenerator(seed: seed)
    let observationSpace = environment.observationSpace, actionSpace = environment.actionSpace
    func record(_ observation: E.Observation, at place: String) {
        if !observationSpace.contains(observation) {
            report.violations.append("\(place): observation \(observationSpace.jsonValue(of: observation).jsonText) is not in \(observationSpace)")
        }
        trajectory.observations.append(observationSpace.jsonValue(of: observation))
    }
    do {
        record(try environment.reset(seed: seed).observation, at: "reset(seed: \(seed))")
    } catch {
        report.violations.append("reset(seed: \(seed)) threw \(error)")
        return nil
    }
    for index in 0..<steps {
        let action = environment.randomAction(using: &actions)
        if !actionSpace.contains(action) {
            report.violations.append("action space \(actionSpace) sampled \(actionSpace.jsonValue(of: action).jsonText), which it does not contain")
        }
        let result = environment.step(action)
        record(result.observation, at: "step \(index)")
        if !result.reward.isFinite {
            report.violations.append("step \(index): reward \(result.reward) is not finite")
        }
        trajectory.rewards.append(result.reward)
        trajectory.flags.append("terminated=\(result.terminated) truncated=\(result.truncated)")
        if result.isDone {
            do {
                record(try environment.reset().observation, at: "reset after step \(index)")
            } catch {
                report.violations.append("reset() after step \(index) threw \(error)")
                return nil
            }
        }
    }
    return trajectory
}

private func checkRendering<E: Environment>(_ environment: E, report: inout EnvironmentCheckReport) {
    if environment.metadata.renderFPS <= 0 {
        report.violations.append("metadata render fps is \(environment.metadata.renderFPS), expected a positive rate")
    }
    for mode in environment.metadata.renderModes {
        switch (mode, environment.render(mode)) {
        case (.ansi, .text(let text)?) where !text.isEmpty: break
        case (.rgb, .frame?): break
        case (_, let output):
            report.violations.append("render(.\(mode.rawValue)) is listed in the metadata but gave \(output.map { "\($0)" } ?? "nil")")
        }
    }
}
