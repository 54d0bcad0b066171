/// Anything that owns trainable parameters, each under a stable, PyTorch-style name.
///
/// Names follow `state_dict` conventions (`weight`, `bias`, `0.weight` inside a
/// ``Sequential``), so a model's state can be saved and loaded by name and matches the
/// equivalent PyTorch module. The order of ``namedParameters`` is fixed by the module's
/// structure and never changes between calls.
public protocol Module: AnyObject {
    /// The parameters of this module and its children, in a stable order with dotted names.
    var namedParameters: [(name: String, parameter: Variable)] { get }

    /// The parameters in ``namedParameters`` order, ready for an optimizer; containers may
    /// override it to skip building names on every training step.
    var parameters: [Variable] { get }

    /// Switches behaviour that differs between training and evaluation (``Dropout``).
    func setTraining(_ isTraining: Bool)

    /// The architecture, for rebuilding the model from a file (``loadModule(from:)``) or
    /// copying it (``copy()``); `nil` for a module that cannot describe itself.
    var architecture: ModuleDescription? { get }
}

extension Module {
    /// The parameters in ``namedParameters`` order.
    public var parameters: [Variable] { namedParameters.map(\.parameter) }

    /// The total number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Does nothing: most modules behave the same in training and evaluation.
    public func setTraining(_ isTraining: Bool) {}

    /// No description by default; NeuralCore's layers and containers describe themselves.
    public var architecture: ModuleDescription? { nil }

    /// Computes a loss and leaves its gradient in every parameter's ``Variable/grad``.
    /// - Returns: the loss value and the gradients in ``parameters`` order.
    public func valueAndGradient(of loss: (Self) -> Variable) -> (value: Float, gradients: [Tensor]) {
        NeuralCore.valueAndGradient(at: parameters) { loss(self) }
    }
}

/// A module that maps one variable to another, so it can sit in a ``Sequential``.
public protocol Layer: Module {
    /// Applies the layer, recording the operations for autodiff.
    func callAsFunction(_ input: Variable) -> Variable

    /// Applies the layer to a plain tensor for inference, recording nothing; layers may
    /// override it with a faster path that never builds graph nodes.
    func callAsFunction(_ input: Tensor) -> Tensor
}

extension Layer {
    /// Applies the layer to a plain tensor for inference, on a tape of its own that records
    /// nothing (keep a ``Tape`` and call ``Tape/evaluate(_:)`` to reuse buffers in a loop).
    public func callAsFunction(_ input: Tensor) -> Tensor {
        Tape().evaluate { tape in callAsFunction(tape.constant(input)).value }
    }
}

/// The parameters of `children` named as PyTorch names a submodule's (`"trunk.0.weight"`): each
/// child's names prefixed by the child's name and a dot. Composite modules use it for their
/// ``Module/namedParameters``.
public func namedParameters(of children: [(name: String, module: any Module)]) -> [(name: String, parameter: Variable)] {
    children.flatMap { child in prefixed(child.name, child.module.namedParameters) }
}

/// `parameters` with names prefixed by `prefix` and a dot; an unnamed parameter (a
/// ``LearnedTensor``'s) takes the prefix alone.
func prefixed(_ prefix: String, _ parameters: [(name: String, parameter: Variable)]) -> [(name: String, parameter: Variable)] {
    parameters.map { ($0.name.isEmpty ? prefix : "\(prefix).\($0.name)", $0.parameter) }
}
