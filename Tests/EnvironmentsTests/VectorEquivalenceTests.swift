import Dojo
import Environments
import Testing
import TestSupport

/// The threaded vector environment gives the same batches as the synchronous one on real
/// environments: CartPole's float state and a board game's planes and opponent draws, across
/// autoresets in both modes and after the workers have gone to sleep.
@Suite struct VectorEquivalenceTests {
    /// Steps both with the same actions, putting the workers to sleep every few steps, and
    /// returns how many episodes ended.
    static func compare<E: Environment>(
        _ sync: SyncVectorEnvironment<E>, _ threaded: ThreadedVectorEnvironment<E>, steps: Int, action: (Int, Int) -> E.Action
    ) throws -> Int {
        #expect(VectorBatchSnapshot(try sync.reset(seed: 11)) == VectorBatchSnapshot(try threaded.reset(seed: 11)))
        var endings = 0
        for step in 0..<steps {
            let actions = (0..<sync.count).map { action(step, $0) }
            if step % 7 == 0 { threaded.waitUntilWorkersSleep() }
            let expected = VectorBatchSnapshot(sync.step(actions))
            let actual = VectorBatchSnapshot(threaded.step(actions))
            guard expected == actual else {
                Issue.record("batches differ at step \(step)")
                return endings
            }
            endings += expected.endedEpisodes
        }
        return endings
    }

    @Test(arguments: [AutoresetMode.nextStep, .sameStep])
    func cartPoleThreadedEqualsSync(mode: AutoresetMode) throws {
        let make = { (_: Int) in TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 60) }
        let sync = SyncVectorEnvironment(count: 9, autoresetMode: mode, makeEnvironment: make)
        let threaded = ThreadedVectorEnvironment(count: 9, threads: 3, autoresetMode: mode, makeEnvironment: make)
        var generator = SeededGenerator(seed: 5)
        let actions = (0..<400 * 9).map { _ in Int(generator.next(upperBound: 2 as UInt64)) }
        let endings = try Self.compare(sync, threaded, steps: 400) { step, copy in actions[step * 9 + copy] }
        #expect(endings > 20, "expected many autoresets, saw \(endings)")
    }

    @Test(arguments: [AutoresetMode.nextStep, .sameStep])
    func boardGameThreadedEqualsSync(mode: AutoresetMode) throws {
        let make = { (_: Int) in ConnectFourEnvironment(opponent: .random, agentSide: .alternate) }
        let sync = SyncVectorEnvironment(count: 6, autoresetMode: mode, makeEnvironment: make)
        let threaded = ThreadedVectorEnvironment(count: 6, threads: 2, autoresetMode: mode, makeEnvironment: make)
        let endings = try Self.compare(sync, threaded, steps: 300) { step, copy in (step * 3 + copy * 5) % 7 }
        #expect(endings > 10, "expected many autoresets, saw \(endings)")
    }
}

/// A vector batch of board games carries each copy's legal moves, threaded or not.
@Suite struct VectorActionMaskTests {
    @Test(arguments: [false, true])
    func masksFollowEachCopysBoard(threaded: Bool) throws {
        let make = { (_: Int) in TicTacToeEnvironment(opponent: .random, agentSide: .alternate) }
        let envs: any VectorEnvironment<TicTacToeEnvironment> = threaded
            ? ThreadedVectorEnvironment(count: 4, threads: 2, makeEnvironment: make) : SyncVectorEnvironment(count: 4, makeEnvironment: make)
        var batch = try envs.reset(seed: 3)
        #expect(batch.masksActions && batch.actionCount == 9)
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<40 {
            var actions: [Int] = []
            for copy in 0..<4 {
                let mask = Array(batch.actionMask(copy))
                #expect(mask == (0..<9).map { index in envs.environment(copy).legalActionMask?[index] ?? false }
                        || batch.terminations[copy] || batch.truncations[copy])
                actions.append(Discrete(9).sample(mask: mask.contains(true) ? mask : Array(repeating: true, count: 9), using: &generator))
            }
            batch = envs.step(actions)
        }
    }
}

/// With same-step autoreset, a truncated episode's legal actions at its last board come with
/// its final observation, while the mask row already belongs to the new episode.
@Suite struct VectorFinalActionMaskTests {
    @Test func truncatedBoardKeepsItsLegalMoves() throws {
        let envs = SyncVectorEnvironment(count: 1, autoresetMode: .sameStep) { _ in
            TimeLimit(TicTacToeEnvironment(opponent: .policy { game, _ in game.legalActions[0] }), maxEpisodeSteps: 2)
        }
        try envs.reset(seed: 0)
        envs.step([8])
        let batch = envs.step([7])
        #expect(batch.truncations[0] && batch.hasFinalObservation[0])
        // The agent holds 8 and 7, the opponent 0 and 1: the rest are legal at the last board.
        #expect(Array(batch.finalActionMask(0)) == [false, false, true, true, true, true, true, false, false])
        #expect(Array(batch.actionMask(0)) == Array(repeating: true, count: 9))
    }
}
