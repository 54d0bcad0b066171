import Foundation
import Dojo
import Testing
import TestSupport

@Suite struct TimeLimitTests {
    @Test func truncatesAtTheLimit() throws {
        var env = TimeLimit(Countdown(length: 100), maxEpisodeSteps: 3)
        _ = try env.reset(seed: 0)
        #expect(!env.step(0).truncated)
        #expect(!env.step(0).truncated)
        let last = env.step(0)
        #expect(last.truncated && !last.terminated)
    }

    @Test func stepBothTerminalAndAtTheLimitSetsBothFlags() throws {
        var env = TimeLimit(Countdown(length: 2), maxEpisodeSteps: 2)
        _ = try env.reset(seed: 0)
        _ = env.step(0)
        let last = env.step(0)
        #expect(last.terminated && last.truncated)
    }

    @Test func resetAfterTruncationStartsAFullEpisode() throws {
        var env = TimeLimit(Countdown(length: 100), maxEpisodeSteps: 2)
        _ = try env.reset(seed: 0)
        _ = env.step(0)
        #expect(env.step(0).truncated)
        _ = try env.reset()
        #expect(env.elapsedSteps == 0)
        #expect(!env.step(0).truncated)
        #expect(env.step(0).truncated)
    }
}

@Suite struct OrderEnforcingTests {
    @Test func stepBeforeResetStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            var env = OrderEnforcing(Countdown())
            _ = env.step(0)
        }
    }

    @Test func stepAfterResetWorks() throws {
        var env = OrderEnforcing(Countdown())
        _ = try env.reset(seed: 1)
        #expect(env.hasReset)
        #expect(env.step(2).reward == 2)
    }
}

@Suite struct RecordEpisodeStatisticsTests {
    @Test func recordsReturnsAndLengthsOverSeveralEpisodes() throws {
        var env = RecordEpisodeStatistics(Countdown(length: 3), bufferLength: 2)
        var episodeInfos: [JSONValue] = []
        _ = try env.reset(seed: 0)
        for episode in 0..<3 {
            for _ in 0..<3 {
                let result = env.step(episode + 0 == 0 ? 1 : 2)
                if let info = result.info["episode"] { episodeInfos.append(info) }
            }
            _ = try env.reset()
        }
        #expect(episodeInfos.count == 3)
        #expect(episodeInfos[0]["r"] == 3 && episodeInfos[0]["l"] == 3)
        #expect(episodeInfos[1]["r"] == 6)
        #expect(episodeInfos.allSatisfy { ($0["t"]?.doubleValue ?? -1) >= 0 })
        #expect(env.episodeCount == 3)
        #expect(env.returnQueue == [6, 6])
        #expect(env.lengthQueue == [3, 3])
    }

    @Test func truncatedEpisodesAreRecordedToo() throws {
        var env = RecordEpisodeStatistics(TimeLimit(Countdown(length: 10), maxEpisodeSteps: 2))
        _ = try env.reset(seed: 0)
        _ = env.step(1)
        #expect(env.step(1).info["episode"]?["l"] == 2)
    }
}

@Suite struct ObservationWrapperTests {
    @Test func oneHotEncodesDiscreteObservations() throws {
        var env = Countdown(length: 3).oneHotObservations()
        let first = try env.reset(seed: 0, options: ["start": 2])
        #expect(first.observation.count == 1000 && first.observation[2] == 1 && first.observation.reduce(0, +) == 1)
        #expect(env.step(0).observation[3] == 1)
        #expect(env.observationSpace.shape == [1000])
    }

    @Test func flattenObservationUsesTheSpaceFlatForm() throws {
        var env = FlattenObservation(Countdown())
        #expect(try env.reset(seed: 0, options: ["start": 1]).observation.firstIndex(of: 1) == 1)
    }

    @Test func transformObservationAndRewardApplyTheirFunctions() throws {
        var env = TransformReward(
            TransformObservation(Countdown(), observationSpace: Discrete(2000)) { $0 * 2 },
            transform: { $0 * 10 })
        #expect(try env.reset(seed: 0, options: ["start": 3]).observation == 6)
        let result = env.step(2)
        #expect(result.observation == 8 && result.reward == 20)
    }

    @Test func frameStackPadsWithTheFirstObservationAndShifts() throws {
        var env = FrameStack(Countdown(length: 10), stackSize: 3)
        let first = try env.reset(seed: 0, options: ["start": 4])
        #expect(env.observationSpace.shape == [3, 1000])
        func hot(_ stack: [Float]) -> [Int] {
            (0..<3).map { slot in stack[slot * 1000..<(slot + 1) * 1000].firstIndex(of: 1)! - slot * 1000 }
        }
        #expect(hot(first.observation) == [4, 4, 4])
        _ = env.step(0)
        #expect(hot(env.step(0).observation) == [4, 5, 6])
        #expect(hot(env.step(0).observation) == [5, 6, 7])
        #expect(hot(try env.reset(seed: nil, options: ["start": 1]).observation) == [1, 1, 1])
    }

    @Test func frameStackKeepsABoxShape() throws {
        let base = TransformObservation(Countdown(), observationSpace: Box<[Float]>(low: 0, high: 1000, shape: [1, 2])) {
            [Float($0), Float($0 * 2)]
        }
        var env = FrameStack(base, stackSize: 2)
        #expect(env.observationSpace.shape == [2, 1, 2])
        _ = try env.reset(seed: 0, options: ["start": 1])
        #expect(env.step(0).observation == [1, 2, 2, 4])
    }

    @Test func normalizeObservationStandardisesAndFreezes() throws {
        let base = TransformObservation(Countdown(length: 1000), observationSpace: Box<[Float]>(low: 0, high: 1e6, shape: [1])) {
            [Float($0 * 10)]
        }
        var env = NormalizeObservation(base)
        _ = try env.reset(seed: 0, options: ["start": 0])
        var values: [Float] = []
        for _ in 0..<200 {
            values.append(env.step(0).observation[0])
        }
        // The statistics track the stream: mean of 0, 10, ..., 2000 is 1000.
        #expect(abs(env.statistics.mean[0] - 1000) < 1)
        #expect(abs(values.last! - 1.72) < 0.05)
        env.isUpdating = false
        let frozen = env.statistics
        _ = env.step(0)
        #expect(env.statistics == frozen)
    }

    @Test func normalizeObservationStatisticsRoundTripThroughCodable() throws {
        var statistics = RunningMeanStd(dimension: 2)
        statistics.update([1, 2])
        statistics.update([3, 6])
        let data = try JSONEncoder().encode(statistics)
        #expect(try JSONDecoder().decode(RunningMeanStd.self, from: data) == statistics)
    }

    @Test func runningMeanStdMatchesTheBatchFormula() {
        var statistics = RunningMeanStd(dimension: 1, epsilon: 0)
        let data: [Double] = [1, 4, 4, 7, 10]
        for value in data { statistics.update([value]) }
        #expect(abs(statistics.mean[0] - 5.2) < 1e-12)
        #expect(abs(statistics.variance[0] - 9.36) < 1e-12)
    }

    @Test func normalizeRewardDividesByTheReturnSpread() throws {
        var env = NormalizeReward(Countdown(length: 1000), gamma: 0.5)
        _ = try env.reset(seed: 0)
        var rewards: [Double] = []
        for _ in 0..<100 { rewards.append(env.step(2).reward) }
        // Discounted return converges to 4 with vanishing spread, so scaled rewards grow.
        #expect(rewards.last! > rewards[1])
        env.isUpdating = false
        let frozen = env.statistics
        let next = env.step(2).reward
        #expect(env.statistics == frozen)
        #expect(abs(next - 2 / (frozen.variance[0] + 1e-8).squareRoot()) < 1e-12)
    }

    @Test func clipActionClampsIntoTheBaseBounds() throws {
        var env = ClipAction(ActionEcho())
        _ = try env.reset(seed: 0)
        #expect(env.step([5, -5]).reward == 1 - 1)
        #expect(env.base.lastAction == [1, -1])
        #expect(!env.actionSpace.isBounded)
    }

    @Test func wrappersExposeWhatTheyWrap() throws {
        let env = TimeLimit(OrderEnforcing(Countdown(length: 7)), maxEpisodeSteps: 3)
        #expect(env.base.base.length == 7)
        #expect((env.unwrapped as? Countdown)?.length == 7)
        #expect(env.metadata.renderFPS == 4)
        #expect(env.render(.ansi) == .text("count 0"))
    }
}

/// An environment with a Box action space that records the last action and rewards its sum.
struct ActionEcho: Environment {
    let observationSpace = Discrete(1)
    let actionSpace = Box<[Float]>(low: -1, high: 1, shape: [2])
    let metadata = EnvironmentMetadata(renderModes: [], renderFPS: 1)
    var lastAction: [Float] = []

    mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Int> {
        Reset(observation: 0)
    }

    mutating func step(_ action: [Float]) -> Step<Int> {
        lastAction = action
        return Step(observation: 0, reward: Double(action.reduce(0, +)), terminated: false)
    }

    func render(_ mode: RenderMode) -> RenderOutput? { nil }
}
