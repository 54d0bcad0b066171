import NeuralCore

/// A sampled minibatch of transitions in tensors allocated once and refilled by
/// ``ReplayBuffer/sample(into:using:)``, ready for a learner's tape.
public final class ReplayBatch {
    /// The number of transitions.
    public let size: Int
    /// Observations, `[size, observationSize]`.
    public internal(set) var observations: Tensor
    /// The observations to bootstrap from, `[size, observationSize]`.
    public internal(set) var nextObservations: Tensor
    /// The action indices taken.
    public internal(set) var actions: [Int]
    /// The (n-step, discounted) rewards, `[size]`.
    public internal(set) var rewards: Tensor
    /// What multiplies the bootstrap value: the discount over the stored steps, or 0 where the
    /// episode terminated (never for a time-limit truncation), `[size]`.
    public internal(set) var bootstrapScales: Tensor
    /// The legal actions at each next observation, `size` rows of `actionCount` flags (all
    /// `true` when the environment does not mask).
    public internal(set) var nextMasks: [Bool]
    /// The buffer slots sampled, for priority updates.
    public internal(set) var indices: [Int]
    /// Importance-sampling weights (all 1 for uniform sampling), `[size]`.
    public internal(set) var weights: Tensor
    /// The rows' weights and bootstrap scales as computed, before they are assigned to the tensors.
    var computedWeights: [Float]
    var computedScales: [Float]

    /// An empty batch of `size` transitions.
    public init(size: Int, observationSize: Int, actionCount: Int) {
        self.size = size
        observations = Tensor.zeros([size, observationSize])
        nextObservations = Tensor.zeros([size, observationSize])
        actions = Array(repeating: 0, count: size)
        rewards = Tensor.zeros([size])
        bootstrapScales = Tensor.zeros([size])
        nextMasks = Array(repeating: true, count: size * actionCount)
        indices = Array(repeating: 0, count: size)
        weights = Tensor.ones([size])
        computedWeights = Array(repeating: 1, count: size)
        computedScales = Array(repeating: 0, count: size)
    }
}
