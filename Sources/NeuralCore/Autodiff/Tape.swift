/// Records the operations of a repeated computation, a training step or a forward pass, and
/// keeps their nodes and buffers for the next time, so that in steady state the computation
/// allocates nothing.
///
/// Inside a step (``valueAndGradient(at:of:)`` or ``evaluate(_:)``), an operation on a variable
/// of the tape takes the node the same operation used in the previous step, with its value and
/// gradient buffers, when nobody else holds that node; otherwise it makes a new one. Results are
/// the same as without a tape: the tape changes where numbers are stored, never what they are.
/// Variables of the tape are the inputs made by ``constant(_:)``, the results of operations on
/// them, and, during a step, the parameters it trains.
///
/// A tape belongs to one thread at a time. Nodes from one step are valid until the next step
/// begins: keep a value (a `Tensor`), not a node, across steps.
///
/// ```swift
/// let tape = Tape()
/// for batch in batches {
///     let loss = tape.valueAndGradient(at: parameters) { tape in
///         huberLoss(model(tape.constant(batch.observations)).gathering(batch.actions), tape.constant(batch.targets))
///     }
///     optimizer.step(parameters)
/// }
/// ```
public final class Tape {
    /// The nodes in the order the last step made them.
    @exclusivity(unchecked) private var nodes: [Variable] = []
    /// How many nodes the step in progress has taken.
    @exclusivity(unchecked) private var cursor = 0
    /// Whether a step is in progress.
    private(set) var isRecording = false
    /// Whether the step in progress records operations for a backward pass (`false` in
    /// ``evaluate(_:)``: inference records nothing).
    private(set) var recordsGradients = false
    /// Reusable arrays for the backward pass.
    @exclusivity(unchecked) var order: [Variable] = []
    @exclusivity(unchecked) var stack: [(node: Variable, nextParent: Int)] = []
    /// Buffers lent to kernels for intermediate results.
    @exclusivity(unchecked) private var scratch: [[Float]] = []
    /// Leaves whose gradient waits for the side thread at the end of a backward pass.
    @exclusivity(unchecked) var leavesAwaitingSideThread: [Variable] = []

    /// A thread that computes weight gradients while the backward pass goes on: a fully
    /// connected layer's weight gradient (a product as large as the one sent to its input) is
    /// handed to it, and the pass waits for it only before it returns. The gradients are
    /// bit-identical to those of one thread. `nil` (the default) computes everything here; a
    /// tape whose steps run on the side thread itself must not use it.
    public var sideThread: SideThread?

    /// An empty tape.
    public init() {}

    /// Lets go of the nodes, first clearing their link back to this tape (see ``Variable/tape``).
    deinit {
        for node in nodes { node.tape = nil }
    }

    /// The number of nodes the tape keeps (those of its largest step so far).
    public var nodeCount: Int { nodes.count }

    /// The next node of the step in progress: the one at the same position in the previous step
    /// when nobody else holds it, else a new one; `nil` outside a step.
    func nextNode() -> Variable? {
        guard isRecording else { return nil }
        defer { cursor += 1 }
        if cursor == nodes.count {
            nodes.append(Variable(recordedOn: self))
        } else if !isKnownUniquelyReferenced(&nodes[cursor]) {
            // Someone still holds last step's node: it keeps its values but leaves the tape.
            nodes[cursor].tape = nil
            nodes[cursor] = Variable(recordedOn: self)
        }
        return nodes[cursor]
    }

    /// Starts a step: the previous step's nodes let go of their inputs, so those nobody else
    /// holds can be reused.
    func beginStep(recordingGradients: Bool) {
        precondition(!isRecording, "expected one step at a time on a tape, got a step inside a step")
        recordsGradients = recordingGradients
        for node in nodes[0..<cursor] {
            node.parents.removeAll(keepingCapacity: true)
            node.hasPending = false
        }
        cursor = 0
        isRecording = true
    }

    /// Ends the step in progress.
    func endStep() {
        isRecording = false
    }

    /// Waits for the side thread's weight gradients and adds each to its leaf's ``Variable/grad``
    /// (the end of a backward pass).
    func collectSideThreadGradients() {
        guard !leavesAwaitingSideThread.isEmpty else { return }
        sideThread?.waitForRequests()
        for leaf in leavesAwaitingSideThread {
            leaf.pendingOnSideThread = false
            leaf.accumulatePendingIntoGradient()
        }
        leavesAwaitingSideThread.removeAll(keepingCapacity: true)
    }

    /// Runs `body` with a buffer of at least `count` elements (contents unspecified), lent from
    /// the tape's scratch buffers.
    func withScratch<Result>(_ count: Int, _ body: (UnsafeMutablePointer<Float>) -> Result) -> Result {
        var buffer = scratch.firstIndex { $0.count >= count }.map { scratch.remove(at: $0) } ?? [Float](repeating: 0, count: Swift.max(count, 1))
        defer { scratch.append(buffer) }
        return buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}

/// Runs `body` with a scratch buffer of `count` elements: the tape's when there is one, else a
/// fresh array.
func withScratch<Result>(_ tape: Tape?, _ count: Int, _ body: (UnsafeMutablePointer<Float>) -> Result) -> Result {
    if let tape { return tape.withScratch(count, body) }
    var buffer = [Float](repeating: 0, count: Swift.max(count, 1))
    return buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}
