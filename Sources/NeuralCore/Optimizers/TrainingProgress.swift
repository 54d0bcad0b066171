/// Where a training run is, besides its weights and optimizer buffers: what a resumed run needs
/// to continue bit-identically.
public struct TrainingProgress: Codable, Equatable, Sendable {
    /// Optimizer steps taken.
    public var step: Int
    /// The position of the learning-rate schedule (the step it is evaluated at).
    public var scheduleStep: Int
    /// The learning rate at the checkpoint.
    public var learningRate: Float
    /// The global gradient-norm clip, if any (``clipGradients(of:maxNorm:)``).
    public var gradientClipNorm: Float?

    public init(step: Int, scheduleStep: Int, learningRate: Float, gradientClipNorm: Float? = nil) {
        self.step = step
        self.scheduleStep = scheduleStep
        self.learningRate = learningRate
        self.gradientClipNorm = gradientClipNorm
    }

    enum CodingKeys: String, CodingKey {
        case step
        case scheduleStep = "schedule_step"
        case learningRate = "learning_rate"
        case gradientClipNorm = "gradient_clip_norm"
    }
}
