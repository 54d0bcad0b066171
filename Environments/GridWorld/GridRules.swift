/// How moves and rewards work on a grid: FrozenLake's slip rule and reward schedule.
///
/// When slippery, an action moves the agent in the intended direction with probability
/// `successRate` and in each of the two perpendicular directions with probability
/// `(1 - successRate) / 2`; FrozenLake's default of 1/3 makes the three equally likely.
public struct GridRules: Sendable, Hashable {
    /// Whether moves can slip sideways (Gymnasium's `is_slippery`).
    public var isSlippery: Bool
    /// The probability of the intended move when slippery (Gymnasium's `success_rate`).
    public var successRate: Double
    /// The reward for entering a goal.
    public var goalReward: Double
    /// The reward for entering a hole.
    public var holeReward: Double
    /// The reward for every other step (landing on floor or start, or bumping into a wall).
    public var stepReward: Double

    /// Creates rules; the defaults are FrozenLake's.
    ///
    /// - Precondition: `0 <= successRate <= 1`.
    public init(isSlippery: Bool = true, successRate: Double = 1.0 / 3.0, goalReward: Double = 1, holeReward: Double = 0, stepReward: Double = 0) {
        precondition((0...1).contains(successRate), "expected a success rate in [0, 1], got \(successRate)")
        self.isSlippery = isSlippery
        self.successRate = successRate
        self.goalReward = goalReward
        self.holeReward = holeReward
        self.stepReward = stepReward
    }

    /// FrozenLake's rules: slippery with success rate 1/3, reward 1 at the goal and 0 elsewhere.
    public static let frozenLake = GridRules()

    /// The reward for entering `tile`.
    public func reward(entering tile: GridTile) -> Double {
        switch tile {
        case .goal: goalReward
        case .hole: holeReward
        case .start, .floor, .wall: stepReward
        }
    }
}
