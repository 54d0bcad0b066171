/// A learning rate as a function of the update step (0-based).
public protocol LearningRateSchedule: Sendable {
    /// The learning rate to use at `step`.
    func callAsFunction(_ step: Int) -> Float
}

/// The same rate at every step.
public struct ConstantSchedule: LearningRateSchedule {
    /// The rate.
    public let value: Float
    /// Creates the schedule.
    public init(_ value: Float) { self.value = value }
    /// Returns ``value``.
    public func callAsFunction(_ step: Int) -> Float { value }
}

/// Linear interpolation from `initial` at step 0 to `final` at `steps`, then constant
/// (the annealing used by PPO and DQN's exploration).
public struct LinearSchedule: LearningRateSchedule {
    /// The rate at step 0.
    public let initial: Float
    /// The rate from `steps` on.
    public let final: Float
    /// The number of steps of the ramp.
    public let steps: Int
    /// Creates the schedule.
    public init(initial: Float, final: Float, steps: Int) {
        precondition(steps > 0, "expected a positive number of steps, got \(steps)")
        (self.initial, self.final, self.steps) = (initial, final, steps)
    }
    /// `initial + (final - initial)·min(step/steps, 1)`.
    public func callAsFunction(_ step: Int) -> Float {
        if step >= steps { return final }
        return initial + (final - initial) * Float(max(step, 0)) / Float(steps)
    }
}

/// Cosine annealing (Loshchilov & Hutter, 2017) from `initial` to `final` over `steps`, then constant:
/// `final + (initial - final)·(1 + cos(π·t/T))/2`.
public struct CosineSchedule: LearningRateSchedule {
    /// The rate at step 0.
    public let initial: Float
    /// The rate from `steps` on.
    public let final: Float
    /// The length `T` of the cosine.
    public let steps: Int
    /// Creates the schedule.
    public init(initial: Float, final: Float = 0, steps: Int) {
        precondition(steps > 0, "expected a positive number of steps, got \(steps)")
        (self.initial, self.final, self.steps) = (initial, final, steps)
    }
    /// The cosine-annealed rate at `step`.
    public func callAsFunction(_ step: Int) -> Float {
        let progress = Float(min(max(step, 0), steps)) / Float(steps)
        return final + (initial - final) * (1 + _cos(Float.pi * progress)) / 2
    }
}
