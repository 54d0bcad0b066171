/// Inverted dropout (Srivastava et al., 2014): in training, zeroes each element with
/// probability `p` and scales the survivors by `1/(1-p)`; in evaluation, the identity.
///
/// The layer owns a generator seeded by its creator, so masks are reproducible.
public final class Dropout: Layer {
    /// The probability `p` of zeroing an element.
    public let probability: Float
    /// Whether masks are applied (training) or the layer passes input through (evaluation).
    public private(set) var isTraining = true
    private var generator: any RandomNumberGenerator

    /// Creates the layer with its own generator.
    /// - Precondition: `0 <= probability < 1`.
    public init(probability: Float, generator: some RandomNumberGenerator) {
        precondition(probability >= 0 && probability < 1, "expected a probability in [0, 1), got \(probability)")
        self.probability = probability
        self.generator = generator
    }

    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .dropout(probability: probability) }

    /// Turns masking on (training) or off (evaluation).
    public func setTraining(_ isTraining: Bool) {
        self.isTraining = isTraining
    }

    /// Multiplies by a fresh random mask scaled by `1/(1-p)` in training; identity otherwise.
    public func callAsFunction(_ input: Variable) -> Variable {
        guard isTraining, probability > 0 else { return input }
        let keep = 1 / (1 - probability)
        let mask = Variable.constant(onTapeOf: input, shape: input.value.extents) { mask in
            for index in 0..<input.value.count {
                mask[index] = Tensor.unitFloat(using: &generator) < probability ? 0 : keep
            }
        }
        return input * mask
    }
}
