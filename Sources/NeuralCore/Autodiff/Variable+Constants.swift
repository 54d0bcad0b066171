extension Variable {
    /// A constant of `shape` whose values `fill` writes, made on the tape of `anchor` when it has
    /// one (so a mask or a zero state built every step reuses its buffer).
    static func constant(onTapeOf anchor: Variable, shape: Extents, fill: (UnsafeMutablePointer<Float>) -> Void) -> Variable {
        let node = anchor.tape?.nextNode() ?? Variable(recordedOn: nil)
        node.value.prepare(shape)
        node.requiresGradient = false
        node.operation = .leaf
        node.writeValue(fill)
        return node
    }

    /// Zeros of `shape`, on the tape of `anchor` when it has one.
    static func zeros(onTapeOf anchor: Variable, shape: Extents) -> Variable {
        constant(onTapeOf: anchor, shape: shape) { $0.update(repeating: 0, count: shape.count) }
    }

    /// `tensor` as a constant on the tape of `anchor` when it has one (its storage shared, not copied).
    static func constant(_ tensor: Tensor, onTapeOf anchor: Variable) -> Variable {
        guard let node = anchor.tape?.nextNode() else { return Variable(tensor) }
        node.value = tensor
        node.requiresGradient = false
        node.operation = .leaf
        return node
    }
}
