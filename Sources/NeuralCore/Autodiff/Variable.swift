/// A node in the reverse-mode autodiff graph: a tensor value plus how to send gradients back to
/// the variables it was computed from.
///
/// Leaves created with `requiresGradient: true` are trainable parameters; every operation on
/// variables computes its value at once and records its ``Operation`` and inputs, so a loss is an
/// ordinary expression and ``backward()`` walks the graph in reverse topological order applying
/// the chain rule (the micrograd design, with tensors as nodes). Operations whose inputs need no
/// gradient record nothing.
///
/// Operations on variables that belong to a ``Tape`` step reuse the nodes and buffers of the
/// tape's previous step, so a steady-state training step allocates nothing; elsewhere each
/// operation makes a fresh node. Both run the same forward and backward rules.
///
/// ```swift
/// let w = Variable(Tensor([2]), requiresGradient: true)
/// let loss = (w * w).sum()
/// loss.backward()      // w.grad == [4]
/// ```
public final class Variable {
    /// The forward value.
    // The engine's hot stored properties skip dynamic exclusivity checks: no access to one of
    // them overlaps another access to the same property (each operation writes only its own
    // node), and the checks cost a sixth of a small network's step.
    @exclusivity(unchecked) public var value: Tensor
    /// Whether gradients flow to this variable (true for parameters and anything computed from them).
    public internal(set) var requiresGradient: Bool
    /// The variables this one was computed from; empty for leaves and constants.
    @exclusivity(unchecked) var parents: [Variable] = []
    /// How this node was computed, for the backward pass.
    var operation: Operation = .leaf
    /// What the forward pass kept for the backward pass (winning indices, masks, columns).
    @exclusivity(unchecked) var saved = SavedValues()
    /// The tape whose steps reuse this node (for parameters: the tape of the step in progress).
    ///
    /// Not reference-counted (a weak reference would put every retain of the tape on the slow
    /// path): a tape sets it only on nodes it holds, and clears it on each of them before it lets
    /// go, in ``Tape/nextNode()`` and in its `deinit`, so it is never left dangling.
    unowned(unsafe) var tape: Tape?
    /// The gradient storage behind ``grad``, kept when the gradient is cleared so the next
    /// backward pass writes into it instead of allocating.
    @exclusivity(unchecked) var gradientStorage: Tensor?
    var hasGradient = false
    /// The gradient flowing into this node during a backward pass.
    @exclusivity(unchecked) var pending: Tensor?
    var hasPending = false
    /// Whether the tape's side thread is writing this leaf's first contribution into `pending`.
    var pendingOnSideThread = false
    /// The node's position during a ``backward()`` pass, -1 outside one.
    var orderIndex = -1

    /// Creates a leaf variable.
    /// - Parameter requiresGradient: `true` for trainable parameters.
    public init(_ value: Tensor, requiresGradient: Bool = false) {
        self.value = value
        self.requiresGradient = requiresGradient
    }

    /// An empty node for an operation's result, reused by `tape` when it is given.
    init(recordedOn tape: Tape?) {
        value = Tensor(shape: [0], scalars: [])
        requiresGradient = false
        self.tape = tape
    }

    /// The accumulated gradient of the losses passed to ``backward()`` since it was last
    /// cleared (``zeroGradients(of:)``); kept only on leaves. Setting `nil` clears it.
    public var grad: Tensor? {
        get { hasGradient ? gradientStorage : nil }
        set {
            hasGradient = newValue != nil
            if let newValue { gradientStorage = newValue }
        }
    }

    /// The shape of ``value``.
    public var shape: [Int] { value.shape }

    /// Whether this variable is a leaf: created directly, or by operations on values that need
    /// no gradient.
    public var isLeaf: Bool { parents.isEmpty }

    /// The same value as a constant that gradients do not flow through (a "stop gradient",
    /// as for TD targets or advantages); on a tape, a copy in a reused node.
    public func detached() -> Variable {
        Variable.constant(value, onTapeOf: self)
    }
}

/// Values an operation's forward pass keeps for its backward pass, in buffers a recycled node
/// reuses.
struct SavedValues {
    /// Indices, such as the winners of a max.
    var indices: [Int] = []
    /// Numbers, such as a choice mask or a convolution's unfolded columns.
    var scalars: [Float] = []

    /// Makes `indices` hold `count` elements, reusing its storage.
    mutating func prepareIndices(_ count: Int) {
        if indices.count != count { indices = [Int](repeating: 0, count: count) }
    }

    /// Makes `scalars` hold `count` elements, reusing its storage.
    mutating func prepareScalars(_ count: Int) {
        if scalars.count != count { scalars = [Float](repeating: 0, count: count) }
    }
}
