import NeuralCore

extension ActorCritic {
    /// The memory's hidden state after each row of a batch of sequences, as CleanRL's recurrent
    /// PPO replays a rollout: `observations` holds `steps` blocks of `copies` rows (step-major),
    /// the state starts at `initial`, and before each row it is multiplied by `keep` (0 where
    /// the row begins an episode, else 1), so memories never cross an episode start.
    ///
    /// - Returns: `[steps * copies, hiddenSize]`, or `observations` itself without a memory.
    func remembered(_ observations: Variable, steps: Int, keep: Variable, initial: LSTMState) -> Variable {
        guard let memory else { return observations }
        let copies = observations.shape[0] / steps
        var state = initial
        var outputs: [Variable] = []
        outputs.reserveCapacity(steps)
        for step in 0..<steps {
            let rows = step * copies..<(step + 1) * copies
            let kept = keep.sliced(alongAxis: 0, rows)
            state = memory.cell(observations.sliced(alongAxis: 0, rows), state: LSTMState(hidden: state.hidden * kept, cell: state.cell * kept))
            outputs.append(state.hidden)
        }
        return Variable.concatenate(outputs, alongAxis: 0)
    }
}
