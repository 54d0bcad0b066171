import Dojo
import Testing

@Suite struct SeededGeneratorTests {
    @Test func sameSeedGivesSameStream() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7)
        for _ in 0..<1000 {
            #expect(a.next() == b.next())
        }
    }

    @Test func differentSeedsGiveDifferentStreams() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 8)
        let first = (0..<16).map { _ in a.next() }, second = (0..<16).map { _ in b.next() }
        #expect(first != second)
    }

    /// The first outputs of xoshiro256** for seed 0 with SplitMix64 seeding, fixed so the
    /// algorithm cannot change silently under us (which would change every seeded run).
    @Test func streamIsPinned() {
        var generator = SeededGenerator(seed: 0)
        let values = (0..<3).map { _ in generator.next() }
        #expect(values == SeededGeneratorTests.pinned)
    }

    static let pinned: [UInt64] = [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0]

    @Test func childrenAreReproducibleAndIndependent() {
        let parent = SeededGenerator(seed: 3)
        var c0 = parent.child(0), c0again = parent.child(0), c1 = parent.child(1)
        let s0 = (0..<8).map { _ in c0.next() }
        #expect(s0 == (0..<8).map { _ in c0again.next() })
        #expect(s0 != (0..<8).map { _ in c1.next() })
        var p = parent
        #expect(s0 != (0..<8).map { _ in p.next() })
        // Correlation between child streams' uniforms stays near zero.
        var x = parent.child(10), y = parent.child(11)
        let n = 20000
        var sum = 0.0
        for _ in 0..<n {
            sum += (x.nextUnitDouble() - 0.5) * (y.nextUnitDouble() - 0.5)
        }
        #expect(abs(sum / Double(n)) < 0.005)
    }

    @Test func uniformNormalAndCategoricalHaveTheRightMoments() {
        var generator = SeededGenerator(seed: 11)
        let n = 50000
        let uniforms = (0..<n).map { _ in generator.uniform(-1, 3) }
        #expect(uniforms.allSatisfy { $0 >= -1 && $0 < 3 })
        #expect(abs(uniforms.reduce(0, +) / Double(n) - 1) < 0.03)
        let normals = (0..<n).map { _ in generator.normal(mean: 2, standardDeviation: 3) }
        let mean = normals.reduce(0, +) / Double(n)
        let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean - 2) < 0.05)
        #expect(abs(variance.squareRoot() - 3) < 0.05)
        var counts = [0, 0, 0]
        for _ in 0..<n {
            counts[generator.categorical([0.2, 0, 0.8])] += 1
        }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[0]) / Double(n) - 0.2) < 0.01)
    }
}
