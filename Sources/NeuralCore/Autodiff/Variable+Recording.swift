extension Variable {
    /// The node for the result of `operation` on `parents`, shaped `shape`, ready for the
    /// operation to write its value: the next node of the tape of any parent that has one (a
    /// recycled node keeps its buffers), else a new node.
    ///
    /// The operation and its parents are recorded only when some parent requires a gradient
    /// and the tape (if any) records gradients; otherwise the result is a constant and nothing
    /// is kept for a backward pass.
    static func recording(
        _ operation: Operation, _ first: Variable, _ second: Variable? = nil, _ third: Variable? = nil,
        _ fourth: Variable? = nil, _ fifth: Variable? = nil, _ sixth: Variable? = nil, _ seventh: Variable? = nil, shape: Extents
    ) -> Variable {
        let tape = first.tape ?? second?.tape ?? third?.tape ?? fourth?.tape ?? fifth?.tape ?? sixth?.tape ?? seventh?.tape
        let node = tape?.nextNode() ?? Variable(recordedOn: nil)
        node.value.prepare(shape)
        func needs(_ parent: Variable?) -> Bool { parent?.requiresGradient ?? false }
        let anyNeedsGradient = first.requiresGradient || needs(second) || needs(third) || needs(fourth)
            || needs(fifth) || needs(sixth) || needs(seventh)
        let needsGradient = (tape?.recordsGradients ?? true) && anyNeedsGradient
        node.requiresGradient = needsGradient
        if needsGradient {
            node.parents.append(first)
            if let second { node.parents.append(second) }
            if let third { node.parents.append(third) }
            if let fourth { node.parents.append(fourth) }
            if let fifth { node.parents.append(fifth) }
            if let sixth { node.parents.append(sixth) }
            if let seventh { node.parents.append(seventh) }
            node.operation = operation
        } else {
            node.operation = .leaf
        }
        return node
    }

    /// ``recording(_:_:_:_:shape:)`` for an operation on any number of parents.
    static func recording(_ operation: Operation, parents: [Variable], shape: Extents) -> Variable {
        let tape = parents.lazy.compactMap(\.tape).first
        let node = tape?.nextNode() ?? Variable(recordedOn: nil)
        node.value.prepare(shape)
        let needsGradient = (tape?.recordsGradients ?? true) && parents.contains { $0.requiresGradient }
        node.requiresGradient = needsGradient
        if needsGradient {
            node.parents.append(contentsOf: parents)
            node.operation = operation
        } else {
            node.operation = .leaf
        }
        return node
    }

    /// Runs `body` on this node's value buffer, which the operation fills completely.
    func writeValue(_ body: (UnsafeMutablePointer<Float>) -> Void) {
        guard value.count > 0 else { return }
        value.scalars.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}

extension Tensor {
    /// Runs `body` on the first element's address (for kernels), or not at all when empty.
    func withPointer<Result>(_ body: (UnsafePointer<Float>) -> Result) -> Result? {
        guard count > 0 else { return nil }
        return scalars.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
