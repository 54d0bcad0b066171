import Dojo

extension Space {
    /// The number of actions a categorical policy or a Q-network chooses among, or `nil` when
    /// the space is not discrete.
    var discreteActionCount: Int? { indexCount }

    /// The size of the flat vector a Gaussian policy draws for this space, or `nil` when the
    /// space cannot turn such a vector into an action (only `Box` spaces can).
    var continuousActionSize: Int? {
        guard indexCount == nil else { return nil }
        let values = [Float](repeating: 0, count: flatDimension)
        let action = values.withUnsafeBufferPointer { clippedElement(fromFlat: $0) }
        return action == nil ? nil : values.count
    }
}
