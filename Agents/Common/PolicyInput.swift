import NeuralCore

/// A policy network's reused input: a batch of flattened observations loaded into one tensor,
/// made anew only when the batch's shape changes, so acting allocates nothing in steady state.
struct PolicyInput {
    private(set) var tensor = Tensor.zeros([1, 1])

    /// Loads `count` flattened observations (all of `observations`, row after row).
    mutating func load(_ observations: UnsafeBufferPointer<Float>, count: Int) {
        let width = observations.count / max(count, 1)
        let shape = tensor.shape
        if shape.count != 2 || shape[0] != count || shape[1] != width { tensor = Tensor.zeros([count, width]) }
        tensor.assign(UnsafeBufferPointer(rebasing: observations[0..<count * width]))
    }
}
