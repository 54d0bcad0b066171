extension Tape {
    /// Evaluates a scalar loss and accumulates its gradient into each parameter's
    /// ``Variable/grad``, reusing the nodes and buffers of the previous step.
    ///
    /// Gradients are cleared first, as ``NeuralCore/valueAndGradient(at:of:)`` does; the loss
    /// is built inside `loss` from the tape's inputs (``constant(_:)``) and the parameters.
    /// - Returns: the loss value.
    /// - Precondition: `loss` returns a one-element variable.
    @discardableResult
    public func valueAndGradient(at parameters: [Variable], of loss: (Tape) -> Variable) -> Float {
        zeroGradients(of: parameters)
        beginStep(recordingGradients: true)
        for parameter in parameters { parameter.tape = self }
        // Room for every parameter to wait for the side thread, however many do in this step.
        if sideThread != nil { leavesAwaitingSideThread.reserveCapacity(parameters.count) }
        defer {
            for parameter in parameters { parameter.tape = nil }
            endStep()
        }
        let result = loss(self)
        result.backward()
        return result.value.scalar
    }

    /// Runs a computation with no gradient, reusing the nodes and buffers of the previous call
    /// (inference in an acting loop): operations on the tape's inputs record nothing for a
    /// backward pass, even on trainable parameters.
    public func evaluate<Result>(_ body: (Tape) -> Result) -> Result {
        beginStep(recordingGradients: false)
        defer { endStep() }
        return body(self)
    }

    /// `value` as a constant input of the step in progress (an observation batch, targets), so
    /// the operations on it are recorded on this tape.
    ///
    /// The values are copied into the node's own buffer, so the caller may refill `value` in
    /// place for the next step without a copy-on-write.
    /// - Precondition: a step is in progress.
    public func constant(_ value: Tensor) -> Variable {
        precondition(isRecording, "expected Tape.constant inside valueAndGradient(at:of:) or evaluate(_:)")
        return Variable.constant(on: self, shape: value.extents) { out in value.withPointer { out.update(from: $0, count: value.count) } }
    }
}
