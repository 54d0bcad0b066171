import Synchronization

/// A model other threads may run inference with: a private copy of a layer, behind a lock,
/// with a tape so repeated calls reuse their buffers.
///
/// The threading rule of NeuralCore: `Tensor`, ``ModuleDescription`` and this wrapper are
/// `Sendable`; modules, variables, tapes and optimizers are mutable reference types that belong
/// to one thread at a time (the training loop's). To let another thread act with a network (an
/// opponent inside a ``ThreadedVectorEnvironment``-style worker, an evaluator), give it a
/// `SharedInferenceModel`, and refresh its weights from the training thread with
/// ``update(from:)`` between training steps. Calls from several threads are safe and run one at
/// a time; give each thread its own wrapper when they must run in parallel.
///
/// ```swift
/// let opponent = SharedInferenceModel(copying: policy)     // on the training thread
/// // any thread:
/// let logits = opponent(observations)
/// // training thread, after some updates:
/// opponent.update(from: policy)
/// ```
public final class SharedInferenceModel: Sendable {
    /// The private copy and its tape: reached only under the mutex, and built from a fresh copy
    /// no one else holds, so handing it to the mutex shares nothing.
    private struct State: @unchecked Sendable {
        let layer: any Layer
        let tape = Tape()
    }

    private let state: Mutex<State>
    /// The architecture of the copied layer.
    public let architecture: ModuleDescription

    /// A wrapper around a deep copy of `layer`, so later training of `layer` does not reach it.
    /// - Precondition: `layer` describes its architecture (NeuralCore's layers and containers do).
    public init(copying layer: some Layer) {
        guard let architecture = layer.architecture else {
            preconditionFailure("expected a layer that describes its architecture, got \(type(of: layer))")
        }
        self.architecture = architecture
        state = Mutex(State(layer: layer.copy()))
    }

    /// The layer applied to `input`, recording nothing.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        state.withLock { state in
            let layer = state.layer
            return state.tape.evaluate { tape in layer(tape.constant(input)).value }
        }
    }

    /// Copies the weights of `source` (the model in training) into the wrapped copy; call it on
    /// the thread that trains `source`, between steps.
    /// - Precondition: `source` has the wrapped layer's parameters, in order and shape.
    public func update(from source: some Module) {
        let values = source.parameters.map(\.value)
        state.withLock { state in
            let targets = state.layer.parameters
            precondition(targets.count == values.count, "expected \(targets.count) parameters in the source, got \(values.count)")
            for (target, value) in zip(targets, values) {
                precondition(target.shape == value.shape, "expected a source parameter of shape \(target.shape), got \(value.shape)")
                target.value.scalars.withUnsafeMutableBufferPointer { target in
                    value.scalars.withUnsafeBufferPointer { target.baseAddress?.update(from: $0.baseAddress!, count: $0.count) }
                }
            }
        }
    }
}
