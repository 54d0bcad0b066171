import NeuralCore

/// The memory of a recurrent policy while it acts: one LSTM state row per copy (or per game in
/// evaluation), advanced by every action and zeroed where an episode starts.
struct PolicyMemory {
    /// The LSTM's hidden size.
    let hiddenSize: Int
    /// The rows held.
    private(set) var rows = 0
    /// Hidden states, `rows * hiddenSize`.
    private(set) var hidden: [Float] = []
    /// Cell states, `rows * hiddenSize`.
    private(set) var cell: [Float] = []
    private var hiddenInput = PolicyInput()
    private var cellInput = PolicyInput()

    init(hiddenSize: Int) {
        self.hiddenSize = hiddenSize
    }

    /// Holds `count` rows, all zero when the count changes.
    mutating func resize(to count: Int) {
        guard count != rows else { return }
        rows = count
        hidden = Array(repeating: 0, count: count * hiddenSize)
        cell = hidden
    }

    /// Takes the rows of a checkpoint (`hidden` and `cell`, `rows * hiddenSize` each).
    mutating func restore(hidden: [Float], cell: [Float]) {
        rows = hidden.count / hiddenSize
        self.hidden = hidden
        self.cell = cell
    }

    /// Zeroes every row.
    mutating func clear() {
        for index in hidden.indices {
            hidden[index] = 0
            cell[index] = 0
        }
    }

    /// Zeroes the rows whose flag is set.
    mutating func forget(where starts: UnsafeBufferPointer<Bool>) {
        for row in 0..<min(rows, starts.count) where starts[row] {
            for index in row * hiddenSize..<(row + 1) * hiddenSize {
                hidden[index] = 0
                cell[index] = 0
            }
        }
    }

    /// The state of `range` as constants of `tape`.
    mutating func state(_ range: Range<Int>, on tape: Tape) -> LSTMState {
        let span = range.lowerBound * hiddenSize..<range.upperBound * hiddenSize
        hidden.withUnsafeBufferPointer { hiddenInput.load(UnsafeBufferPointer(rebasing: $0[span]), count: range.count) }
        cell.withUnsafeBufferPointer { cellInput.load(UnsafeBufferPointer(rebasing: $0[span]), count: range.count) }
        return LSTMState(hidden: tape.constant(hiddenInput.tensor), cell: tape.constant(cellInput.tensor))
    }

    /// Keeps `state` as the memory of rows `range`.
    mutating func store(_ state: LSTMState, rows range: Range<Int>) {
        let offset = range.lowerBound * hiddenSize
        state.hidden.value.scalars.withUnsafeBufferPointer { values in
            for index in values.indices { hidden[offset + index] = values[index] }
        }
        state.cell.value.scalars.withUnsafeBufferPointer { values in
            for index in values.indices { cell[offset + index] = values[index] }
        }
    }
}
