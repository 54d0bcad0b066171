/// A gradient-based update rule with per-parameter state of a named type.
///
/// Conforming types provide the rule for one parameter (``update(_:gradient:state:)``);
/// ``step(_:)`` applies it to every parameter that has a gradient. State is kept per parameter
/// identity (``ParameterStates``), so any list of parameters, in any order, may be stepped:
/// a target network or a second head never receives another parameter's state.
public protocol Optimizer: AnyObject {
    /// The per-parameter state (momentum buffers, moment estimates, ...), which checkpoints
    /// save and restore exactly.
    associatedtype State: CheckpointableState

    /// The step size `η`; set it from a ``LearningRateSchedule`` between steps.
    var learningRate: Float { get set }
    /// Each parameter's state, made at its first update.
    var states: ParameterStates<State> { get set }

    /// The state of a parameter before its first update.
    func initialState(for parameter: Tensor) -> State

    /// Updates one parameter in place from its gradient.
    func update(_ parameter: inout Tensor, gradient: Tensor, state: inout State)

    /// Applies one update to every parameter with a gradient; ``stepEach(_:)`` unless the
    /// optimizer shares the work out.
    func step(_ parameters: [Variable])
}

extension Optimizer {
    /// Applies one update to every parameter with a gradient (others are left alone).
    ///
    /// - Precondition: each gradient has its parameter's shape, and each parameter still has
    ///   the shape it had at its first update.
    public func step(_ parameters: [Variable]) {
        stepEach(parameters)
    }

    /// Updates each parameter with a gradient in turn, on this thread.
    ///
    /// - Precondition: as for ``step(_:)``.
    public func stepEach(_ parameters: [Variable]) {
        prepareStates(for: parameters)
        states.withStates { entries, positions in
            for parameter in parameters {
                guard let gradient = parameter.grad, let position = positions[ObjectIdentifier(parameter)] else { continue }
                update(&parameter.value, gradient: gradient, state: &entries[position].state)
            }
        }
    }

    /// Checks each gradient against its parameter's shape and makes the state of each
    /// parameter at its first update, so that a step then finds every state in place.
    ///
    /// - Precondition: as for ``step(_:)``.
    func prepareStates(for parameters: [Variable]) {
        for (index, parameter) in parameters.enumerated() {
            guard let gradient = parameter.grad else { continue }
            checkContract(gradient.shape == parameter.shape,
                          "expected a gradient of shape \(parameter.shape) for parameter \(index), got \(gradient.shape)")
            states.prepare(parameter, named: "parameter \(index)", initial: { initialState(for: $0) })
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
