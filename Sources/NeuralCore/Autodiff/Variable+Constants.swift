extension Variable {
    /// A constant of `shape` whose values `fill` writes, made on the tape of `anchor` when it has
    /// one (so a mask or a zero state built every step reuses its buffer).
    static func constant(onTapeOf anchor: Variable, shape: Extents, fill: (UnsafeMutablePointer<Float>) -> Void) -> Variable {
        constant(on: anchor.tape, shape: shape, fill: fill)
    }

    /// A constant of `shape` whose values `fill` writes: the next node of `tape`'s step, or a
    /// new node without a tape (or outside a step).
    static func constant(on tape: Tape?, shape: Extents, fill: (UnsafeMutablePointer<Float>) -> Void) -> Variable {
        let node = tape?.nextNode() ?? Variable(recordedOn: nil)
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

    /// `tensor` as a constant on the tape of `anchor` when it has one, copied into the node's own
    /// buffer (as ``Tape/constant(_:)`` does), so the caller may refill `tensor` in place.
    static func constant(_ tensor: Tensor, onTapeOf anchor: Variable) -> Variable {
        guard anchor.tape != nil else { return Variable(tensor) }
        return constant(onTapeOf: anchor, shape: tensor.extents) { out in
            tensor.withPointer { out.update(from: $0, count: tensor.count) }
        }
    }
}
