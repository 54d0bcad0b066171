/// An ``Adam`` step over a list of parameters, as ``SplitWork``: the caller's thread updates
/// the first part of the list and the side thread the rest, each with its own kernel call, so
/// that sharing the step allocates nothing. Set by ``start(_:states:positions:learningRate:betas:epsilon:)``
/// for the duration of one step.
final class AdamSharedStep: SplitWork {
    private var parameters: [Variable] = []
    private var states = UnsafeMutableBufferPointer<ParameterStates<AdamState>.Entry>(start: nil, count: 0)
    private var positions: [ObjectIdentifier: Int] = [:]
    private var learningRate: Float = 0, betas: (Float, Float) = (0, 0), epsilon: Float = 0
    /// The kernel calls of the first part of the list and of the rest.
    private let calls = (AdamKernelCall(), AdamKernelCall())

    /// Takes the step's parameters, their states' storage and positions, and coefficients.
    func start(
        _ parameters: [Variable], states: UnsafeMutableBufferPointer<ParameterStates<AdamState>.Entry>, positions: [ObjectIdentifier: Int],
        learningRate: Float, betas: (Float, Float), epsilon: Float
    ) {
        (self.parameters, self.states, self.positions) = (parameters, states, positions)
        (self.learningRate, self.betas, self.epsilon) = (learningRate, betas, epsilon)
    }

    /// Lets go of the step's parameters and states.
    func finish() {
        (parameters, positions) = ([], [:])
        states = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    func perform(_ range: Range<Int>) {
        let call = range.lowerBound == 0 ? calls.0 : calls.1
        for parameter in parameters[range] {
            guard let gradient = parameter.grad, let position = positions[ObjectIdentifier(parameter)] else { continue }
            adamUpdate(
                &parameter.value, gradient: gradient, state: &states[position].state, learningRate: learningRate, betas: betas, epsilon: epsilon,
                call: call)
        }
    }
}
