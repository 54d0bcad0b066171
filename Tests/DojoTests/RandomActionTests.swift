import Dojo
import Testing
import TestSupport

@Suite struct RandomActionTests {
    /// An environment that allows only actions 1 and 3 of Discrete(5).
    struct OddActionsOnly: Environment, ActionMasking {
        let observationSpace = Discrete(1)
        let actionSpace = Discrete(5)
        let metadata = EnvironmentMetadata(renderModes: [], renderFPS: 1)
        var actionMask: [Bool] { [false, true, false, true, false] }
        mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Int> { Reset(observation: 0) }
        mutating func step(_ action: Int) -> Step<Int> { Step(observation: 0, reward: 0, terminated: false) }
        func render(_ mode: RenderMode) -> RenderOutput? { nil }
    }

    @Test func staysWithinTheMaskThroughWrappers() {
        let env = TimeLimit(OrderEnforcing(OddActionsOnly()), maxEpisodeSteps: 10)
        var generator = SeededGenerator(seed: 3)
        let actions = (0..<200).map { _ in env.randomAction(using: &generator) }
        #expect(Set(actions) == [1, 3])
    }

    @Test func samplesTheWholeSpaceWithoutAMask() {
        let env = Countdown()
        var generator = SeededGenerator(seed: 3)
        #expect(Set((0..<200).map { _ in env.randomAction(using: &generator) }) == [0, 1, 2])
    }
}
