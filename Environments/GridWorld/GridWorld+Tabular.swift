import Dojo

extension GridWorld: TabularEnvironment {
    /// The number of cells, `rows * columns`; states are cell indices whatever the encoding.
    public var stateCount: Int { map.cellCount }

    /// Four moves.
    public var actionCount: Int { 4 }

    /// The outcomes of `action` in cell `state`, in Gymnasium's order: for a slippery action
    /// `a`, the moves `(a - 1) mod 4`, `a`, `(a + 1) mod 4`; holes, goals and walls absorbing.
    ///
    /// - Precondition: `state` is a cell of the map and `action` is in 0...3.
    public func transitions(state: Int, action: Int) -> [Transition] {
        precondition((0..<stateCount).contains(state) && (0..<actionCount).contains(action),
                     "expected a state in 0..<\(stateCount) and an action in 0...3, got \(state) and \(action)")
        return model.transitions(state: state, action: action)
    }
}
