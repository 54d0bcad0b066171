import Dojo

extension CartPole {
    /// The physical state, the steps past termination and the generator.
    struct SavedState: Codable {
        var state: SIMD4<Double>
        var stepsBeyondTerminated: Int?
        var generator: SeededGenerator
    }

    public func saveState() -> EnvironmentState? {
        EnvironmentState(SavedState(state: state, stepsBeyondTerminated: stepsBeyondTerminated, generator: generator))
    }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let saved = try state.decoded(as: SavedState.self, environment: "CartPole")
        (self.state, stepsBeyondTerminated, generator) = (saved.state, saved.stepsBeyondTerminated, saved.generator)
    }
}
