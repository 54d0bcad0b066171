/// A node in the reverse-mode autodiff graph: a tensor value plus how to send
/// gradients back to the variables it was computed from.
///
/// Leaves created with `requiresGradient: true` are trainable parameters; every
/// operation on variables records its inputs and a backward rule, so a loss is an
/// ordinary expression and ``backward()`` walks the graph in reverse topological
/// order applying the chain rule (the micrograd design, with tensors as nodes).
/// Operations whose inputs need no gradient record nothing.
///
/// ```swift
/// let w = Variable(Tensor([2]), requiresGradient: true)
/// let loss = (w * w).sum()
/// loss.backward()      // w.grad == [4]
/// ```
public final class Variable {
    /// The forward value.
    public var value: Tensor
    /// The accumulated gradient of the last loss passed to ``backward()``; kept only on leaves.
    public var grad: Tensor?
    /// Whether gradients flow to this variable (true for parameters and anything computed from them).
    public let requiresGradient: Bool
    /// The variables this one was computed from.
    let parents: [Variable]
    /// Maps the gradient of this node to one gradient per parent, shaped like that parent.
    let backwardRule: ((Tensor) -> [Tensor])?
    /// The node's position during a ``backward()`` pass, -1 outside one.
    private var orderIndex = -1

    /// Creates a leaf variable.
    /// - Parameter requiresGradient: `true` for trainable parameters.
    public init(_ value: Tensor, requiresGradient: Bool = false) {
        self.value = value
        self.requiresGradient = requiresGradient
        self.parents = []
        self.backwardRule = nil
    }

    /// Creates an interior node; the rule is dropped when no parent needs a gradient.
    init(_ value: Tensor, parents: [Variable], backward: @escaping (Tensor) -> [Tensor]) {
        self.value = value
        let needed = parents.contains { $0.requiresGradient }
        self.requiresGradient = needed
        self.parents = needed ? parents : []
        self.backwardRule = needed ? backward : nil
    }

    /// The shape of ``value``.
    public var shape: [Int] { value.shape }

    /// Whether this variable is a leaf (created directly, not by an operation).
    public var isLeaf: Bool { backwardRule == nil }

    /// The same value as a constant that gradients do not flow through (a "stop gradient",
    /// as for TD targets or advantages).
    public func detached() -> Variable { Variable(value) }

    /// Back-propagates from this scalar, accumulating `d self / d leaf` into every leaf's ``grad``.
    ///
    /// Gradients add to what leaves already hold (call ``zeroGradients(of:)`` or use
    /// ``valueAndGradient(at:of:)`` between steps). Interior gradients are released as soon
    /// as they have been propagated.
    /// - Precondition: `value` has exactly one element.
    /// - Complexity: O(graph size) plus the cost of each backward rule.
    public func backward() {
        precondition(value.count == 1, "expected a scalar loss to back-propagate, got shape \(shape)")
        guard requiresGradient else { return }
        let order = topologicalOrder()
        defer { for node in order { node.orderIndex = -1 } }
        var pending = [Tensor?](repeating: nil, count: order.count)
        pending[order.count - 1] = Tensor.ones(shape)
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            guard let gradient = pending[position] else { continue }
            pending[position] = nil
            let node = order[position]
            guard let rule = node.backwardRule else {
                node.grad = node.grad.map { $0 + gradient } ?? gradient
                continue
            }
            let parentGradients = rule(gradient)
            for (parent, parentGradient) in zip(node.parents, parentGradients) where parent.requiresGradient {
                precondition(parentGradient.shape == parent.shape, "expected gradient of shape \(parent.shape), got \(parentGradient.shape)")
                let index = parent.orderIndex
                if var existing = pending[index] {
                    pending[index] = nil
                    existing += parentGradient
                    pending[index] = existing
                } else {
                    pending[index] = parentGradient
                }
            }
        }
    }

    /// Nodes reachable from `self` with every node after all of its parents (iterative DFS);
    /// each node's ``orderIndex`` is set to its position, which doubles as the visited mark.
    private func topologicalOrder() -> [Variable] {
        var order: [Variable] = []
        var stack: [(node: Variable, nextParent: Int)] = [(self, 0)]
        orderIndex = Int.max
        while let (node, nextParent) = stack.popLast() {
            if nextParent < node.parents.count {
                stack.append((node, nextParent + 1))
                let parent = node.parents[nextParent]
                if parent.requiresGradient, parent.orderIndex < 0 {
                    parent.orderIndex = Int.max
                    stack.append((parent, 0))
                }
            } else {
                node.orderIndex = order.count
                order.append(node)
            }
        }
        return order
    }
}
