/// A reusable forward and backward pass of a multilayer perceptron — a ``Sequential`` of
/// ``Linear`` layers and element-wise activations — that keeps every intermediate array
/// between calls, so a steady-state training step touches no heap.
///
/// The graph API (``Module/valueAndGradient(of:)``) builds fresh nodes, closures and arrays on
/// every step. A workspace instead owns one buffer per activation and per activation gradient,
/// sized at the first call for a batch size and reused while it stays the same. It runs the
/// same kernels in the same order as the graph, so gradients and updates are bit-identical.
///
/// ```swift
/// let workspace = PerceptronWorkspace(model)
/// let q = workspace.forward(observations)
/// let loss = huberLoss(q, gathering: actions, target: targets, gradient: &outputGradient)
/// workspace.backward(outputGradient: outputGradient)   // fills each parameter's grad
/// optimizer.step(workspace.parameters)
/// ```
public final class PerceptronWorkspace {
    /// One layer of the perceptron, with the layer it wraps.
    enum Stage {
        case linear(Linear)
        case activation(Activation)
    }

    /// The supported element-wise activations.
    enum Activation {
        case relu, tanh, sigmoid
        case leakyReLU(Float)
    }

    /// The model's parameters in ``Module/parameters`` order, built once for the optimizer.
    public let parameters: [Variable]
    let stages: [Stage]
    /// `activations[0]` is a copy of the input, `activations[i + 1]` the output of stage `i`.
    var activations: [Tensor] = []
    /// `gradients[i]` is the loss gradient with respect to `activations[i]` (index 0 unused).
    var gradients: [Tensor] = []

    /// Wraps `model` without copying its parameters: updates to them are seen by the workspace.
    /// - Precondition: every layer is a ``Linear``, ``ReLU``, ``LeakyReLU``, ``Tanh`` or ``Sigmoid``,
    ///   and no layer appears twice (its gradients would need adding up, not overwriting).
    public init(_ model: Sequential) {
        stages = model.layers.map { layer in
            switch layer {
            case let linear as Linear: .linear(linear)
            case is ReLU: .activation(.relu)
            case is Tanh: .activation(.tanh)
            case is Sigmoid: .activation(.sigmoid)
            case let leaky as LeakyReLU: .activation(.leakyReLU(leaky.slope))
            default: preconditionFailure("expected Linear layers and element-wise activations, got \(type(of: layer))")
            }
        }
        parameters = model.parameters
        precondition(Set(parameters.map(ObjectIdentifier.init)).count == parameters.count,
                     "expected each layer once: a workspace overwrites gradients, so shared parameters are not supported")
    }

    /// Runs the model on a `[batch, in]` input and returns the `[batch, out]` output, keeping
    /// every activation for ``backward(outputGradient:)``.
    ///
    /// The result shares the workspace's storage: release it before the next call (as a local
    /// does at the end of a training step), or that call copies it instead of reusing it.
    /// - Precondition: `input` is rank 2 with the first layer's input size as its last extent.
    public func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 2, "expected a [batch, features] input, got \(input.shape)")
        prepare(batchSize: input.shape[0], features: input.shape[1])
        activations[0].copyScalars(from: input)
        for (index, stage) in stages.enumerated() {
            let source = activations[index]
            switch stage {
            case .linear(let layer):
                activations[index + 1].writeAffine(source, weight: layer.weight.value, bias: layer.bias?.value)
            case .activation(let function):
                activations[index + 1].writeActivation(function, of: source)
            }
        }
        return activations[stages.count]
    }

    /// Back-propagates `outputGradient` (the loss gradient with respect to the last
    /// ``forward(_:)`` output) and stores each parameter's gradient in its ``Variable/grad``,
    /// replacing what was there, as ``valueAndGradient(at:of:)`` does.
    /// - Precondition: `outputGradient` has the shape of the last output.
    public func backward(outputGradient: Tensor) {
        precondition(!activations.isEmpty && outputGradient.shape == activations[stages.count].shape,
                     "expected an output gradient shaped like the last forward output, got \(outputGradient.shape)")
        for index in stride(from: stages.count - 1, through: 0, by: -1) {
            let upstream = index == stages.count - 1 ? outputGradient : gradients[index + 1]
            switch stages[index] {
            case .linear(let layer):
                let input = activations[index]
                layer.weight.writeGradient { $0.writeWeightGradient(upstream, input: input) }
                layer.bias?.writeGradient { $0.writeColumnSums(of: upstream) }
                if index > 0 { gradients[index].writeProduct(upstream, layer.weight.value) }
            case .activation(let function):
                guard index > 0 else { continue }
                gradients[index].writeActivationGradient(function, upstream: upstream, input: activations[index], output: activations[index + 1])
            }
        }
    }

    /// Sizes the buffers for `batchSize` rows, reallocating only when the size changes.
    private func prepare(batchSize: Int, features: Int) {
        if let first = activations.first, first.shape[0] == batchSize, first.shape[1] == features { return }
        var widths = [features]
        for stage in stages {
            switch stage {
            case .linear(let layer):
                precondition(layer.weight.shape[1] == widths[widths.count - 1],
                             "expected \(layer.weight.shape[1]) input features, got \(widths[widths.count - 1])")
                widths.append(layer.weight.shape[0])
            case .activation: widths.append(widths[widths.count - 1])
            }
        }
        activations = widths.map { Tensor.zeros([batchSize, $0]) }
        gradients = widths.map { Tensor.zeros([batchSize, $0]) }
    }
}

extension Variable {
    /// Overwrites ``grad`` in place with `body`, creating it once when missing or misshapen.
    func writeGradient(_ body: (inout Tensor) -> Void) {
        if grad?.shape != value.shape { grad = Tensor.zeros(value.shape) }
        body(&grad!)
    }
}
