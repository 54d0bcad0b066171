import Dojo
import Testing
import TestSupport

/// What a vector batch carries besides observations: episode statistics at episode ends, and
/// each copy's legal actions where the environment masks.
@Suite struct VectorBatchTests {
    /// Countdown rewards the action: copy 0 always plays 2 for 3 steps (return 6, length 3),
    /// copy 1 plays 1 for 5 steps, then is cut by its time limit at 4 (return 4, length 4).
    @Test(arguments: [AutoresetMode.nextStep, .sameStep])
    func episodeStatisticsArriveWithTheEpisodeEnd(mode: AutoresetMode) throws {
        let envs = SyncVectorEnvironment(count: 2, autoresetMode: mode) { index in
            TimeLimit(Countdown(length: index == 0 ? 3 : 5), maxEpisodeSteps: 4)
        }
        try envs.reset(seed: 1)
        var ended: [(copy: Int, step: Int, return: Double, length: Int)] = []
        for step in 1...10 {
            let batch = envs.step([2, 1])
            for copy in 0..<2 where batch.hasEpisodeStatistics[copy] {
                ended.append((copy, step, batch.episodeReturns[copy], batch.episodeLengths[copy]))
            }
        }
        let gap = mode == .nextStep ? 1 : 0
        #expect(ended.filter { $0.copy == 0 }.map(\.step) == [3, 6 + gap, 9 + 2 * gap].filter { $0 <= 10 })
        #expect(ended.filter { $0.copy == 0 }.allSatisfy { $0.return == 6 && $0.length == 3 })
        #expect(ended.filter { $0.copy == 1 }.map(\.step) == [4, 8 + gap].filter { $0 <= 10 })
        #expect(ended.filter { $0.copy == 1 }.allSatisfy { $0.return == 4 && $0.length == 4 })
    }

    @Test func batchesWithoutMasksCarryNone() throws {
        let envs = SyncVectorEnvironment(count: 3) { _ in Countdown() }
        let batch = try envs.reset(seed: 0)
        #expect(!batch.masksActions && batch.actionMasks.isEmpty && batch.actionCount == 3)
    }
}
