/// A binary tree whose leaves hold non-negative weights and whose inner nodes hold the sums of
/// their children: proportional sampling and weight updates in O(log n), as prioritized replay
/// needs (Schaul et al., 2016).
public struct SumTree: Sendable, Equatable, Codable {
    /// The number of leaves.
    public let capacity: Int
    /// The first leaf's position in `nodes`; leaf `i` is at `leafBase + i`.
    private let leafBase: Int
    /// Node 1 is the root; node `k` has children `2k` and `2k + 1`. Sums are Doubles so that
    /// many small updates do not drift.
    private var nodes: [Double]

    /// A tree of `capacity` leaves, all zero.
    public init(capacity: Int) {
        precondition(capacity > 0, "expected a positive capacity, got \(capacity)")
        self.capacity = capacity
        var base = 1
        while base < capacity { base *= 2 }
        leafBase = base
        nodes = Array(repeating: 0, count: 2 * base)
    }

    /// The sum of all weights.
    public var total: Double { nodes[1] }

    /// Leaf `index`'s weight.
    public subscript(index: Int) -> Double {
        get { nodes[leafBase + index] }
        set {
            precondition(newValue >= 0 && newValue.isFinite, "expected a finite non-negative weight, got \(newValue)")
            var node = leafBase + index
            nodes[node] = newValue
            node /= 2
            while node >= 1 {
                nodes[node] = nodes[2 * node] + nodes[2 * node + 1]
                node /= 2
            }
        }
    }

    /// The leaf where the running sum of weights, in leaf order, first exceeds `prefix`: a draw
    /// with probability proportional to weight when `prefix` is uniform in `0..<total`.
    /// Leaves of zero weight are never returned while some weight is positive.
    public func leaf(atPrefixSum prefix: Double) -> Int {
        var node = 1
        var remaining = prefix
        while node < leafBase {
            let left = nodes[2 * node]
            if remaining < left || nodes[2 * node + 1] == 0 {
                node = 2 * node
            } else {
                remaining -= left
                node = 2 * node + 1
            }
        }
        return min(node - leafBase, capacity - 1)
    }
}
