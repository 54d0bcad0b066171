/// A gradient-based update rule with per-parameter state of a named type.
///
/// Conforming types provide the rule for one parameter (``update(_:gradient:state:)``);
/// ``step(_:)`` applies it to every parameter that has a gradient, keeping one state per
/// parameter in the order given. Pass the same parameters in the same order at every step
/// (``Module/parameters`` does).
public protocol Optimizer: AnyObject {
    /// The per-parameter state (momentum buffers, moment estimates, ...).
    associatedtype State

    /// The step size `η`; set it from a ``LearningRateSchedule`` between steps.
    var learningRate: Float { get set }
    /// One state per parameter, created at the first step.
    var states: [State] { get set }

    /// The state of a parameter before its first update.
    func initialState(for parameter: Tensor) -> State

    /// Updates one parameter in place from its gradient.
    func update(_ parameter: inout Tensor, gradient: Tensor, state: inout State)
}

extension Optimizer {
    /// Applies one update to every parameter with a gradient (others are left alone).
    /// - Precondition: the same number of parameters, with the same shapes, as at the first step.
    public func step(_ parameters: [Variable]) {
        if states.isEmpty { states = parameters.map { initialState(for: $0.value) } }
        precondition(states.count == parameters.count, "expected \(states.count) parameters as at the first step, got \(parameters.count)")
        for (index, parameter) in parameters.enumerated() {
            guard let gradient = parameter.grad else { continue }
            precondition(gradient.shape == parameter.shape, "expected a gradient of shape \(parameter.shape), got \(gradient.shape)")
            update(&parameter.value, gradient: gradient, state: &states[index])
        }
    }
}

extension Tensor {
    /// `self ← self - rate·other`, in place.
    /// - Precondition: equal shapes.
    mutating func subtract(_ other: Tensor, scaledBy rate: Float) {
        precondition(shape == other.shape, "expected shape \(shape), got \(other.shape)")
        scalars.withUnsafeMutableBufferPointer { target in
            other.scalars.withUnsafeBufferPointer { source in
                for index in 0..<target.count { target[index] -= rate * source[index] }
            }
        }
    }
}
