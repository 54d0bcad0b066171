import CNeuralKernels

/// The shapes of one fused LSTM pass.
struct LSTMPlan {
    /// Time steps, batch, input size and hidden size.
    let steps: Int, batch: Int, inputSize: Int, hiddenSize: Int
    /// Whether the parents include an initial hidden and cell state (else both start at zero).
    let hasInitialState: Bool

    var gateWidth: Int { 4 * hiddenSize }
    var stateSize: Int { batch * hiddenSize }
    /// Offsets of the forward pass's saved values in `saved.scalars`: the activated gates of
    /// every step (i, f, g, o), the cell states c₀...c_T, the hidden states h₀...h_T, and tanh(c_t).
    var gatesOffset: Int { 0 }
    var cellsOffset: Int { steps * batch * gateWidth }
    var hiddensOffset: Int { cellsOffset + (steps + 1) * stateSize }
    var cellTanhsOffset: Int { hiddensOffset + (steps + 1) * stateSize }
    var savedCount: Int { cellTanhsOffset + steps * stateSize }
}

/// A whole LSTM sequence as one operation (PyTorch's `nn.LSTM`, gate order i, f, g, o):
///
///     gates_t = x_t·W_ihᵀ + b_ih + h_{t-1}·W_hhᵀ + b_hh
///     c_t = σ(f)·c_{t-1} + σ(i)·tanh(g),   h_t = σ(o)·tanh(c_t)
///
/// The input projections of all steps are one matrix product; each step then needs one product
/// with `W_hh` and one fused pass over its gates. Backward runs through time in the same way and
/// finds the weight gradients with one product each over all steps.
extension Variable {
    /// The LSTM over `input: [T, B, I]` from `(hidden, cell)` (zeros when `nil`).
    ///
    /// - Returns: a `[T + 1, B, H]` variable holding `h_1 ... h_T` and then `c_T`; ``LSTM`` slices
    ///   the outputs and the final state from it, so gradients reach all of them.
    static func lstmSequence(
        _ input: Variable, inputWeight: Variable, hiddenWeight: Variable, inputBias: Variable, hiddenBias: Variable,
        initial: (hidden: Variable, cell: Variable)?
    ) -> Variable {
        precondition(input.value.rank == 3 && input.shape[2] == inputWeight.shape[1], "expected input [T, B, \(inputWeight.shape[1])], got \(input.shape)")
        let plan = LSTMPlan(steps: input.shape[0], batch: input.shape[1], inputSize: input.shape[2], hiddenSize: hiddenWeight.shape[1], hasInitialState: initial != nil)
        if let initial {
            precondition(initial.hidden.shape == [plan.batch, plan.hiddenSize] && initial.cell.shape == initial.hidden.shape,
                         "expected an initial state of [\(plan.batch), \(plan.hiddenSize)], got \(initial.hidden.shape) and \(initial.cell.shape)")
        }
        var shape = Extents(ones: 3)
        (shape[0], shape[1], shape[2]) = (plan.steps + 1, plan.batch, plan.hiddenSize)
        let node = recording(.lstm(plan), input, inputWeight, hiddenWeight, inputBias, hiddenBias, initial?.hidden, initial?.cell, shape: shape)
        node.saved.prepareScalars(plan.savedCount)
        node.saved.scalars.withUnsafeMutableBufferPointer { saved in
            node.writeValue { out in
                lstmForward(plan, saved: saved.baseAddress!, out: out, tape: node.tape, input: input.value, inputWeight: inputWeight.value,
                            hiddenWeight: hiddenWeight.value, inputBias: inputBias.value, hiddenBias: hiddenBias.value,
                            initial: initial.map { ($0.hidden.value, $0.cell.value) })
            }
        }
        return node
    }

    static func backwardLSTM(_ node: Variable, _ plan: LSTMPlan) {
        let (x, inputWeight, hiddenWeight) = (node.parents[0].value, node.parents[1].value, node.parents[2].value)
        let gradient = node.upstream
        let (steps, batch, hidden, width) = (plan.steps, plan.batch, plan.hiddenSize, plan.gateWidth)
        let rows = steps * batch
        withScratch(node.tape, rows * width) { gateGradients in
            withScratch(node.tape, 3 * plan.stateSize) { state in
                let (dh, dc, recurrent) = (state, state + plan.stateSize, state + 2 * plan.stateSize)
                node.saved.scalars.withUnsafeBufferPointer { saved in
                    gradient.withPointer { g in
                        hiddenWeight.withPointer { whh in
                            lstmBackwardThroughTime(plan, saved: saved.baseAddress!, outputGradient: g, hiddenWeight: whh,
                                                    gateGradients: gateGradients, dh: dh, dc: dc, recurrent: recurrent)
                        }
                        let hiddens = saved.baseAddress! + plan.hiddensOffset
                        node.send(to: 0) { dx in
                            inputWeight.withPointer { gemm(m: rows, n: plan.inputSize, k: width, a: gateGradients, b: $0, c: dx, accumulate: false) }
                        }
                        node.send(to: 1) { dw in
                            x.withPointer { gemm(m: width, n: plan.inputSize, k: rows, a: gateGradients, transposingA: true, b: $0, c: dw, accumulate: false) }
                        }
                        node.send(to: 2) { dw in
                            gemm(m: width, n: hidden, k: rows, a: gateGradients, transposingA: true, b: hiddens, c: dw, accumulate: false)
                        }
                        node.send(to: 3) { columnSums(gateGradients, rows: rows, width: width, into: $0) }
                        node.send(to: 4) { columnSums(gateGradients, rows: rows, width: width, into: $0) }
                        guard plan.hasInitialState else { return }
                        node.send(to: 5) { $0.update(from: dh, count: plan.stateSize) }
                        node.send(to: 6) { $0.update(from: dc, count: plan.stateSize) }
                    }
                }
            }
        }
    }
}

/// The forward pass: fills `out` (`h_1 ... h_T`, then `c_T`) and the saved values.
private func lstmForward(
    _ plan: LSTMPlan, saved: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>, tape: Tape?, input: Tensor, inputWeight: Tensor,
    hiddenWeight: Tensor, inputBias: Tensor, hiddenBias: Tensor, initial: (hidden: Tensor, cell: Tensor)?
) {
    let (steps, batch, hidden, width) = (plan.steps, plan.batch, plan.hiddenSize, plan.gateWidth)
    let gates = saved + plan.gatesOffset, cells = saved + plan.cellsOffset
    let hiddens = saved + plan.hiddensOffset, cellTanhs = saved + plan.cellTanhsOffset
    if let initial {
        initial.hidden.withPointer { hiddens.update(from: $0, count: plan.stateSize) }
        initial.cell.withPointer { cells.update(from: $0, count: plan.stateSize) }
    } else {
        hiddens.update(repeating: 0, count: plan.stateSize)
        cells.update(repeating: 0, count: plan.stateSize)
    }
    // The input projections of every step at once: gates = x·W_ihᵀ + b_ih.
    input.withPointer { x in
        inputWeight.withPointer { gemm(m: steps * batch, n: width, k: plan.inputSize, a: x, b: $0, transposingB: true, c: gates, accumulate: false) }
    }
    inputBias.withPointer { bias in
        for row in 0..<(steps * batch) {
            let line = gates + row * width
            for column in 0..<width { line[column] += bias[column] }
        }
    }
    hiddenWeight.withPointer { whh in
        hiddenBias.withPointer { bias in
            withScratch(tape, batch * width) { projection in
                for step in 0..<steps {
                    let stepGates = gates + step * batch * width
                    let previousHidden = hiddens + step * plan.stateSize, previousCell = cells + step * plan.stateSize
                    let cell = cells + (step + 1) * plan.stateSize, hiddenState = hiddens + (step + 1) * plan.stateSize
                    let cellTanh = cellTanhs + step * plan.stateSize
                    gemm(m: batch, n: width, k: hidden, a: previousHidden, b: whh, transposingB: true, c: projection, accumulate: false)
                    for row in 0..<batch {
                        let line = stepGates + row * width, recurrent = projection + row * width
                        for column in 0..<width { line[column] += recurrent[column] + bias[column] }
                        nc_sigmoid(line, line, 2 * hidden)
                        nc_tanh(line + 2 * hidden, line + 2 * hidden, hidden)
                        nc_sigmoid(line + 3 * hidden, line + 3 * hidden, hidden)
                        for unit in 0..<hidden {
                            let index = row * hidden + unit
                            cell[index] = line[hidden + unit] * previousCell[index] + line[unit] * line[2 * hidden + unit]
                        }
                    }
                    nc_tanh(cell, cellTanh, plan.stateSize)
                    for row in 0..<batch {
                        let line = stepGates + row * width
                        for unit in 0..<hidden {
                            let index = row * hidden + unit
                            hiddenState[index] = line[3 * hidden + unit] * cellTanh[index]
                        }
                    }
                    (out + step * plan.stateSize).update(from: hiddenState, count: plan.stateSize)
                }
            }
        }
    }
    (out + steps * plan.stateSize).update(from: cells + steps * plan.stateSize, count: plan.stateSize)
}

/// Back-propagation through time: the gradient of every step's pre-activation gates into
/// `gateGradients` (`[T·B, 4H]`), and of the initial state into `dh` and `dc`.
private func lstmBackwardThroughTime(
    _ plan: LSTMPlan, saved: UnsafePointer<Float>, outputGradient g: UnsafePointer<Float>, hiddenWeight: UnsafePointer<Float>,
    gateGradients: UnsafeMutablePointer<Float>, dh: UnsafeMutablePointer<Float>, dc: UnsafeMutablePointer<Float>,
    recurrent: UnsafeMutablePointer<Float>
) {
    let (steps, batch, hidden, width) = (plan.steps, plan.batch, plan.hiddenSize, plan.gateWidth)
    let gates = saved + plan.gatesOffset, cells = saved + plan.cellsOffset, cellTanhs = saved + plan.cellTanhsOffset
    dh.update(repeating: 0, count: plan.stateSize)
    dc.update(from: g + steps * plan.stateSize, count: plan.stateSize)
    for step in stride(from: steps - 1, through: 0, by: -1) {
        let stepGates = gates + step * batch * width, stepGradients = gateGradients + step * batch * width
        let previousCell = cells + step * plan.stateSize, cellTanh = cellTanhs + step * plan.stateSize
        let outputs = g + step * plan.stateSize
        for row in 0..<batch {
            let line = stepGates + row * width, target = stepGradients + row * width
            for unit in 0..<hidden {
                let index = row * hidden + unit
                let (i, f, candidate, o) = (line[unit], line[hidden + unit], line[2 * hidden + unit], line[3 * hidden + unit])
                let hiddenGradient = outputs[index] + dh[index]
                let tanhC = cellTanh[index]
                let cellGradient = hiddenGradient * o * (1 - tanhC * tanhC) + dc[index]
                target[unit] = cellGradient * candidate * i * (1 - i)
                target[hidden + unit] = cellGradient * previousCell[index] * f * (1 - f)
                target[2 * hidden + unit] = cellGradient * i * (1 - candidate * candidate)
                target[3 * hidden + unit] = hiddenGradient * tanhC * o * (1 - o)
                dc[index] = cellGradient * f
            }
        }
        // dh_{t-1} = ∂gates_t · W_hh.
        gemm(m: batch, n: hidden, k: width, a: stepGradients, b: hiddenWeight, c: recurrent, accumulate: false)
        dh.update(from: recurrent, count: plan.stateSize)
    }
}
