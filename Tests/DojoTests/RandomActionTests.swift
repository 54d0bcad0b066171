import Dojo
import Testing
import TestSupport

@Suite struct RandomActionTests {
    /// An environment that allows only actions 1 and 3 of Discrete(5).
    struct OddActionsOnly: Environment {
        let observationSpace = Discrete(1)
        let actionSpace = Discrete(5)
        let metadata = EnvironmentMetadata(renderModes: [], renderFPS: 1)
        var masksActions: Bool { true }
        func writeActionMask(into mask: UnsafeMutableBufferPointer<Bool>) {
            for index in mask.indices { mask[index] = index == 1 || index == 3 }
        }
        mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Int> { Reset(observation: 0) }
        mutating func step(_ action: Int) -> Step<Int> { Step(observation: 0, reward: 0, terminated: false) }
        func render(_ mode: RenderMode) -> RenderOutput? { nil }
    }

    /// A wrapper written without a word about masks.
    struct Unaware<Base: Environment>: Wrapper {
        var base: Base
        mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Base.Observation> { try base.reset(seed: seed, options: options) }
        mutating func step(_ action: Base.Action) -> Step<Base.Observation> { base.step(action) }
    }

    @Test func staysWithinTheMaskThroughWrappers() {
        let env = TimeLimit(OrderEnforcing(OddActionsOnly()), maxEpisodeSteps: 10)
        var generator = SeededGenerator(seed: 3)
        let actions = (0..<200).map { _ in env.randomAction(using: &generator) }
        #expect(Set(actions) == [1, 3])
    }

    /// Every wrapper forwards the mask through the protocol, a new one written without thinking
    /// of masks included.
    @Test func everyWrapperForwardsTheMask() {
        let expected: [Bool] = [false, true, false, true, false]
        let base = OddActionsOnly()
        #expect(TimeLimit(base, maxEpisodeSteps: 3).legalActionMask == expected)
        #expect(OrderEnforcing(base).legalActionMask == expected)
        #expect(RecordEpisodeStatistics(base).legalActionMask == expected)
        #expect(TransformReward(base) { $0 * 2 }.legalActionMask == expected)
        #expect(NormalizeReward(base).legalActionMask == expected)
        #expect(FlattenObservation(base).legalActionMask == expected)
        #expect(FrameStack(base, stackSize: 2).legalActionMask == expected)
        #expect(Unaware(base: TimeLimit(base, maxEpisodeSteps: 3)).legalActionMask == expected)
        #expect(Countdown().legalActionMask == nil && !Unaware(base: Countdown()).masksActions)
    }

    @Test func samplesTheWholeSpaceWithoutAMask() {
        let env = Countdown()
        var generator = SeededGenerator(seed: 3)
        #expect(Set((0..<200).map { _ in env.randomAction(using: &generator) }) == [0, 1, 2])
    }

    @Test func discreteSpacesMapIndicesToActions() {
        let space = Discrete(4, start: -1)
        #expect(space.indexCount == 4 && (0..<4).map(space.element(atIndex:)) == [-1, 0, 1, 2])
        #expect(space.index(of: 2) == 3)
        let multi = MultiDiscrete([2, 3], start: [0, 10])
        #expect(multi.indexCount == 6 && multi.element(atIndex: 4) == [1, 11] && multi.index(of: [1, 11]) == 4)
        #expect((0..<6).allSatisfy { multi.index(of: multi.element(atIndex: $0)) == $0 })
        #expect(Box<SIMD4<Float>>(low: [0, 0, 0, 0], high: [1, 1, 1, 1]).indexCount == nil)
    }
}
