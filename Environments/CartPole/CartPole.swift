import CDojoMath
import Dojo
import Foundation
import Rendering

/// The cart-pole balancing task, exactly as Gymnasium's `CartPole-v1`.
///
/// ## Description
/// A pole is attached by an un-actuated joint to a cart that moves along a frictionless track
/// (Barto, Sutton and Anderson, 1983). The pole starts upright; the goal is to keep it up by
/// pushing the cart left or right.
///
/// ## Action Space
/// `Discrete(2)`: 0 pushes the cart to the left, 1 to the right, with a force of 10 N.
///
/// ## Observation Space
/// `Box<SIMD4<Float>>`, the state cast to Float32:
///
/// | Index | Observation           | Min                 | Max               |
/// |-------|-----------------------|---------------------|-------------------|
/// | 0     | Cart Position         | -4.8                | 4.8               |
/// | 1     | Cart Velocity         | -Inf                | Inf               |
/// | 2     | Pole Angle            | ~ -0.418 rad (-24°) | ~ 0.418 rad (24°) |
/// | 3     | Pole Angular Velocity | -Inf                | Inf               |
///
/// ## Rewards
/// +1 for every step, including the one that terminates. With the `sutton_barto_reward`
/// option: 0 per step, -1 on termination. A step after termination (which callers should not
/// take) gives 0 (or -1 with `sutton_barto_reward`), as in Gymnasium.
///
/// ## Starting State
/// Every state variable uniform in [-0.05, 0.05]; reset options `low` and `high` change the
/// bounds, and `state` (four numbers) starts from an exact state.
///
/// ## Episode End
/// Termination when the pole angle leaves ±12° or the cart position leaves ±2.4. Truncation
/// after 500 steps (`CartPole-v1`) or 200 (`CartPole-v0`), applied by `make`'s `TimeLimit`.
///
/// ## Version History
/// - v1: 500-step limit, reward threshold 475 (Gymnasium's v1).
/// - v0: 200-step limit, reward threshold 195.
public struct CartPole: Environment, Sendable {
    public typealias Observation = SIMD4<Float>
    public typealias Action = Int

    /// How the equations of motion are integrated.
    public enum Integrator: String, Sendable {
        /// Position from the old velocity, then velocity (Gymnasium's default, `"euler"`).
        case euler
        /// Velocity first, then position from the new velocity (`"semi-implicit euler"`).
        case semiImplicitEuler = "semi-implicit euler"
    }

    /// Gravity in m/s².
    public static let gravity = 9.8
    /// Mass of the cart in kg.
    public static let cartMass = 1.0
    /// Mass of the pole in kg.
    public static let poleMass = 0.1
    /// Half the pole's length in m.
    public static let halfPoleLength = 0.5
    /// Magnitude of the push in N.
    public static let forceMagnitude = 10.0
    /// Seconds between state updates.
    public static let tau = 0.02
    /// The pole angle beyond which the episode terminates: 12 degrees in radians.
    public static let thetaThreshold = 12 * 2 * Double.pi / 360
    /// The cart position beyond which the episode terminates.
    public static let xThreshold = 2.4

    public let observationSpace = Box<SIMD4<Float>>(
        low: [Float(-xThreshold * 2), -.infinity, Float(-thetaThreshold * 2), -.infinity],
        high: [Float(xThreshold * 2), .infinity, Float(thetaThreshold * 2), .infinity])
    public let actionSpace = Discrete(2)
    public let metadata = EnvironmentMetadata(renderModes: [.ansi, .rgb], renderFPS: 50)

    /// The integration scheme.
    public let integrator: Integrator
    /// Whether rewards follow Sutton and Barto's book: 0 per step, -1 on failure.
    public let usesSuttonBartoReward: Bool
    /// The exact state `[x, x_dot, theta, theta_dot]` in double precision.
    public internal(set) var state = SIMD4<Double>()
    var stepsBeyondTerminated: Int?
    var generator = SeededGenerator(seed: 0)

    /// Creates the environment; call `reset` before stepping.
    public init(integrator: Integrator = .euler, usesSuttonBartoReward: Bool = false) {
        self.integrator = integrator
        self.usesSuttonBartoReward = usesSuttonBartoReward
    }

    /// Creates the environment from registry options `kinematics_integrator` and `sutton_barto_reward`.
    public init(options: Options) throws(EnvironmentError) {
        try options.rejectUnknown(["kinematics_integrator", "sutton_barto_reward"])
        let name = try options.string("kinematics_integrator") ?? Integrator.euler.rawValue
        guard let integrator = Integrator(rawValue: name) else {
            throw .invalidOption(name: "kinematics_integrator", message: "expected \"euler\" or \"semi-implicit euler\", got \(name.debugDescription)")
        }
        self.init(integrator: integrator, usesSuttonBartoReward: try options.boolean("sutton_barto_reward") ?? false)
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<SIMD4<Float>> {
        try options.rejectUnknown(["low", "high", "state"])
        if let seed { generator = SeededGenerator(seed: seed) }
        if let exact = try options.numbers("state", count: 4) {
            state = SIMD4(exact[0], exact[1], exact[2], exact[3])
        } else {
            let low = try options.number("low") ?? -0.05, high = try options.number("high") ?? 0.05
            guard low <= high else {
                throw .invalidOption(name: "low", message: "expected low <= high, got low \(low) and high \(high)")
            }
            for index in 0..<4 {
                state[index] = generator.uniform(low, high)
            }
        }
        stepsBeyondTerminated = nil
        return Reset(observation: SIMD4<Float>(state))
    }

    public mutating func step(_ action: Int) -> Step<SIMD4<Float>> {
        precondition(action == 0 || action == 1, "expected action 0 or 1 for CartPole, got \(action)")
        state = Self.nextState(state, action: action, integrator: integrator)
        let terminated = Self.isTerminal(state)
        let reward: Double
        if !terminated {
            reward = usesSuttonBartoReward ? 0 : 1
        } else if stepsBeyondTerminated == nil {
            stepsBeyondTerminated = 0
            reward = usesSuttonBartoReward ? -1 : 1
        } else {
            stepsBeyondTerminated! += 1
            reward = usesSuttonBartoReward ? -1 : 0
        }
        return Step(observation: SIMD4<Float>(state), reward: reward, terminated: terminated)
    }

    /// The state one step after `state` under `action`: Gymnasium's equations of motion, with
    /// its float64 operations in the same order and association, so whole trajectories are
    /// bit-identical to Gymnasium's.
    @inlinable
    public static func nextState(_ state: SIMD4<Double>, action: Int, integrator: Integrator) -> SIMD4<Double> {
        let totalMass = cartMass + poleMass
        let poleMassLength = poleMass * halfPoleLength
        var (x, xDot, theta, thetaDot) = (state[0], state[1], state[2], state[3])
        let force = action == 1 ? forceMagnitude : -forceMagnitude
        var sinTheta = 0.0, cosTheta = 0.0
        dojo_sincos(theta, &sinTheta, &cosTheta)
        // Gymnasium squares first (`np.square`), then multiplies left to right: the same
        // association, or a last-place difference per step grows until it decides the episode.
        let temp = (force + poleMassLength * (thetaDot * thetaDot) * sinTheta) / totalMass
        let thetaAcc = (gravity * sinTheta - cosTheta * temp)
            / (halfPoleLength * (4.0 / 3.0 - poleMass * (cosTheta * cosTheta) / totalMass))
        let xAcc = temp - poleMassLength * thetaAcc * cosTheta / totalMass
        switch integrator {
        case .euler:
            x += tau * xDot
            xDot += tau * xAcc
            theta += tau * thetaDot
            thetaDot += tau * thetaAcc
        case .semiImplicitEuler:
            xDot += tau * xAcc
            x += tau * xDot
            thetaDot += tau * thetaAcc
            theta += tau * thetaDot
        }
        return SIMD4(x, xDot, theta, thetaDot)
    }

    /// Whether `state` lies outside the cart or pole limits.
    @inlinable
    public static func isTerminal(_ state: SIMD4<Double>) -> Bool {
        state[0] < -xThreshold || state[0] > xThreshold || state[2] < -thetaThreshold || state[2] > thetaThreshold
    }

    public func render(_ mode: RenderMode) -> RenderOutput? {
        switch mode {
        case .ansi: .text(textRendering)
        case .rgb: .frame(frame)
        }
    }

    /// One line: the state, and a track with the cart and the pole's lean.
    public var textRendering: String {
        let width = 41
        let column = min(width - 1, max(0, Int(((state[0] + Self.xThreshold) / (2 * Self.xThreshold) * Double(width - 1)).rounded())))
        let lean = state[2] < -0.02 ? "\\" : (state[2] > 0.02 ? "/" : "|")
        var track = Array(repeating: Character("-"), count: width)
        track[column] = Character(lean)
        let numbers = (0..<4).map { String(format: "%+.4f", state[$0]) }
        return "x \(numbers[0]) v \(numbers[1]) θ \(numbers[2]) ω \(numbers[3]) [\(String(track))]"
    }
}
