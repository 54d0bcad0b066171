extension Variable {
    /// Back-propagates from this scalar, accumulating `d self / d leaf` into every leaf's ``grad``.
    ///
    /// Gradients add to what leaves already hold (call ``zeroGradients(of:)`` or use
    /// ``valueAndGradient(at:of:)`` between steps). Each node's incoming gradient is written into
    /// a buffer the node keeps, so on a ``Tape`` the pass allocates nothing.
    /// - Precondition: `value` has exactly one element.
    /// - Complexity: O(graph size) plus the cost of each backward rule.
    public func backward() {
        precondition(value.count == 1, "expected a scalar loss to back-propagate, got shape \(shape)")
        guard requiresGradient else { return }
        var order: [Variable] = []
        var stack: [(node: Variable, nextParent: Int)] = []
        if let tape {
            swap(&order, &tape.order)
            swap(&stack, &tape.stack)
        }
        defer {
            for node in order { node.orderIndex = -1 }
            order.removeAll(keepingCapacity: true)
            stack.removeAll(keepingCapacity: true)
            if let tape {
                swap(&order, &tape.order)
                swap(&stack, &tape.stack)
            }
        }
        topologicalOrder(into: &order, stack: &stack)
        receiveGradient { $0.pointee = 1 }
        for position in stride(from: order.count - 1, through: 0, by: -1) {
            let node = order[position]
            guard node.hasPending else { continue }
            node.hasPending = false
            if node.parents.isEmpty {
                if node.pendingOnSideThread, let tape {
                    tape.leavesAwaitingSideThread.append(node)
                } else {
                    node.accumulatePendingIntoGradient()
                }
            } else {
                node.operation.propagate(node)
            }
        }
        tape?.collectSideThreadGradients()
    }

    /// Nodes reachable from `self` with every node after all of its parents (iterative DFS);
    /// each node's ``orderIndex`` is set to its position, which doubles as the visited mark.
    private func topologicalOrder(into order: inout [Variable], stack: inout [(node: Variable, nextParent: Int)]) {
        stack.append((self, 0))
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
    }

    /// The gradient flowing into this node, during its turn in the backward pass.
    var upstream: Tensor { pending! }

    /// Adds a contribution to the gradient of parent `index`; `write` fills a buffer shaped
    /// like that parent completely. The first contribution is written in place; later ones go
    /// through a scratch buffer and are added, in the order they arrive.
    func send(to index: Int, _ write: (UnsafeMutablePointer<Float>) -> Void) {
        let parent = parents[index]
        guard parent.requiresGradient else { return }
        parent.receiveGradient(write, tape: tape)
    }

    /// Adds `write`'s contribution to this node's incoming gradient.
    func receiveGradient(_ write: (UnsafeMutablePointer<Float>) -> Void, tape: Tape? = nil) {
        if pendingOnSideThread {
            // A second contribution to a leaf the side thread is writing: add it after that one.
            (tape ?? self.tape)?.sideThread?.waitForRequests()
            pendingOnSideThread = false
        }
        let count = value.count
        if !hasPending {
            startPending()
            guard count > 0 else { return }
            pending!.scalars.withUnsafeMutableBufferPointer { write($0.baseAddress!) }
            return
        }
        guard count > 0 else { return }
        withScratch(tape ?? self.tape, count) { contribution in
            write(contribution)
            pending!.scalars.withUnsafeMutableBufferPointer { total in
                for index in 0..<count { total[index] += contribution[index] }
            }
        }
    }

    /// Marks the first contribution of the pass as arrived, with `pending` shaped like the value
    /// (reused from the last pass when it is) for it to be written into.
    private func startPending() {
        if pending == nil || !Extents(value.shape).matches(pending!.shape) {
            pending = Tensor(shape: value.shape, scalars: [Float](repeating: 0, count: value.count))
        }
        hasPending = true
    }

    /// The buffer for this leaf's first contribution of the pass, when the tape's side thread can
    /// write it: a parameter that has received nothing yet. The leaf then counts the
    /// contribution as received (``pendingOnSideThread``) and adds it to ``grad`` once the side
    /// thread is done; `nil` leaves the contribution to ``send(to:_:)``.
    func claimPendingForSideThread() -> UnsafeMutablePointer<Float>? {
        guard requiresGradient, parents.isEmpty, !hasPending, value.count > 0 else { return nil }
        startPending()
        pendingOnSideThread = true
        return pending!.scalars.withUnsafeMutableBufferPointer { $0.baseAddress! }
    }

    /// Adds the incoming gradient to ``grad`` (a leaf's turn in the backward pass). When the
    /// leaf holds no gradient yet, the pass's buffer becomes the gradient and the old gradient's
    /// buffer the next pass's, with nothing copied; the two buffers are never shared.
    func accumulatePendingIntoGradient() {
        guard pending != nil else { return }
        if hasGradient && gradientStorage?.shape == pending!.shape {
            gradientStorage! += pending!
            return
        }
        if gradientStorage?.shape != pending!.shape { gradientStorage = nil }
        swap(&gradientStorage, &pending)
        hasGradient = true
    }
}
