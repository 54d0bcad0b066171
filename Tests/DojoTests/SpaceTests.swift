import Dojo
import Testing

@Suite struct DiscreteTests {
    @Test func containsRespectsStart() {
        let space = Discrete(3, start: -1)
        #expect(space.contains(-1) && space.contains(1))
        #expect(!space.contains(2) && !space.contains(-2))
    }

    @Test func samplesCoverTheSpaceAndRepeatWithTheSeed() {
        let space = Discrete(5, start: 2)
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1)
        let samples = (0..<500).map { _ in space.sample(using: &a) }
        #expect(samples.allSatisfy(space.contains))
        #expect(Set(samples) == Set(2..<7))
        #expect(samples == (0..<500).map { _ in space.sample(using: &b) })
    }

    @Test func maskedSamplesStayInTheMask() {
        let space = Discrete(4)
        var generator = SeededGenerator(seed: 2)
        let samples = (0..<300).map { _ in space.sample(mask: [false, true, false, true], using: &generator) }
        #expect(Set(samples) == [1, 3])
        #expect(space.sample(mask: [false, false, false, false], using: &generator) == 0)
    }

    @Test func flattensToOneHot() {
        #expect(Discrete(4, start: 1).flattened(3) == [0, 0, 1, 0])
    }

    @Test func parsesElementsAndRejectsOthers() throws {
        let space = Discrete(2)
        #expect(try space.element(from: 1) == 1)
        #expect(throws: SpaceError.self) { try space.element(from: 2) }
        #expect(throws: SpaceError.self) { try space.element(from: 0.5) }
    }
}

@Suite struct BoxTests {
    @Test func containsChecksEveryBoundAndRejectsNaN() {
        let space = Box<[Float]>(low: [-1, 0], high: [1, 2])
        #expect(space.contains([0, 2]))
        #expect(!space.contains([0, 2.5]))
        #expect(!space.contains([.nan, 1]))
        #expect(!space.contains([0]))
    }

    @Test func samplesFollowTheBoundKinds() {
        let space = Box<[Float]>(low: [-1, -.infinity, 0, -.infinity], high: [1, .infinity, .infinity, 5])
        var generator = SeededGenerator(seed: 3)
        let samples = (0..<2000).map { _ in space.sample(using: &generator) }
        #expect(samples.allSatisfy(space.contains))
        #expect(samples.contains { $0[1] < -1 } && samples.contains { $0[1] > 1 })
        #expect(samples.allSatisfy { $0[2] >= 0 } && samples.contains { $0[2] > 2 })
        #expect(samples.allSatisfy { $0[3] <= 5 })
        #expect(samples.contains { $0[0] < -0.9 } && samples.contains { $0[0] > 0.9 })
    }

    @Test func sameSeedSameSamples() {
        let space = Box<SIMD4<Float>>(low: -2, high: 2, shape: [4])
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        #expect((0..<10).map { _ in space.sample(using: &a) } == (0..<10).map { _ in space.sample(using: &b) })
    }

    @Test func boundednessAndFlattening() {
        #expect(Box<[Float]>(low: 0, high: 1, shape: [2, 3]).isBounded)
        #expect(!Box<[Float]>(low: [0], high: [.infinity]).isBounded)
        let space = Box<[Float]>(low: 0, high: 10, shape: [2, 2])
        #expect(space.flatDimension == 4)
        #expect(space.flattened([1, 2, 3, 4]) == [1, 2, 3, 4])
        #expect(space.clamped([-1, 5, 11, 3]) == [0, 5, 10, 3])
    }
}

@Suite struct MultiSpaceTests {
    @Test func multiDiscreteContainsSamplesAndFlattens() {
        let space = MultiDiscrete([2, 3], start: [0, 1])
        #expect(space.contains([1, 3]) && !space.contains([2, 1]) && !space.contains([0, 0]))
        var generator = SeededGenerator(seed: 4)
        let samples = (0..<300).map { _ in space.sample(using: &generator) }
        #expect(samples.allSatisfy(space.contains))
        #expect(Set(samples.map { $0[1] }) == [1, 2, 3])
        #expect(space.flattened([1, 2]) == [0, 1, 0, 1, 0])
        let masked = (0..<100).map { _ in space.sample(masks: [[true, false], [false, false, true]], using: &generator) }
        #expect(masked.allSatisfy { $0 == [0, 3] })
    }

    @Test func multiBinaryContainsSamplesMasksAndFlattens() {
        let space = MultiBinary(3)
        #expect(space.contains([true, false, true]) && !space.contains([true]))
        var generator = SeededGenerator(seed: 5)
        let samples = (0..<200).map { _ in space.sample(using: &generator) }
        #expect(Set(samples).count == 8)
        let masked = (0..<200).map { _ in space.sample(mask: [true, false, nil], using: &generator) }
        #expect(masked.allSatisfy { $0[0] && !$0[1] })
        #expect(Set(masked.map { $0[2] }) == [true, false])
        #expect(space.flattened([true, false, true]) == [1, 0, 1])
    }

    @Test func tupleAndDictComposeTheirParts() throws {
        let tuple = TupleSpace([AnySpace(Discrete(2)), AnySpace(Box<[Float]>(low: 0, high: 1, shape: [2]))])
        #expect(tuple.flatDimension == 4)
        #expect(tuple.contains([1, [0.5, 0.25]]))
        #expect(!tuple.contains([2, [0.5, 0.25]]))
        #expect(tuple.flattened([1, [0.5, 0.25]]) == [0, 1, 0.5, 0.25])
        let dict = DictSpace(["b": AnySpace(Discrete(3)), "a": AnySpace(MultiBinary(2))])
        #expect(dict.flattened(["b": 2, "a": [1, 0]]) == [1, 0, 0, 0, 1])
        #expect(!dict.contains(["b": 2]))
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<50 {
            #expect(tuple.contains(tuple.sample(using: &generator)))
            #expect(dict.contains(dict.sample(using: &generator)))
        }
        #expect(try dict.element(from: ["a": [0, 0], "b": 1]) == ["a": [0, 0], "b": 1])
    }
}
