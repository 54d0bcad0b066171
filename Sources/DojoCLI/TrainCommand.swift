import Agents
import ArgumentParser
import Dojo
import Environments
import Foundation
import Synchronization

/// Set by SIGINT (Ctrl-C) while `dojo train` runs: training stops at the next step, writes a
/// resumable latest checkpoint and exits with status 130.
let interruptRequested = Atomic<Bool>(false)

/// `dojo train`: trains an agent on a registered environment and writes its run folder.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an agent on an environment; checkpoints and metrics go to a run folder.",
        discussion: """
            The run folder (--out, default runs/ENV-AGENT-SEED-TIMESTAMP, UTC) receives final.safetensors (the \
            policy after the last step), best.safetensors (the best periodic evaluation, with \
            --set eval_freq=N), latest.safetensors (every checkpoint_freq steps), config.json (the \
            configuration used) and metrics.csv (timesteps, episodes, mean_return_100, loss, \
            epsilon, steps_per_second). An existing run is never overwritten. \
            latest.safetensors is resumable: it also holds the target network, the optimizer, the \
            counters, the generators and the environments (and the replay buffer with \
            --set save_replay_buffer=true); --resume DIR continues the run in DIR from it and ends \
            with the weights an uninterrupted run gives (any agent; policy-gradient runs checkpoint \
            between rollouts); --init-from CHECKPOINT starts a new run \
            from a checkpoint's weights (fine-tuning, another map). Ctrl-C stops cleanly: it writes \
            latest.safetensors and exits with status 130. \
            Settings use Stable-Baselines3's names: --set learning_rate=0.001 --set net_arch=[128,128]. \
            --json prints one object: env, agent, preset, seed, timesteps, updates, episodes, seconds, \
            run_folder, final_checkpoint, stopped_early, best_mean_return and final_evaluation \
            (as dojo eval --json).
            """
    )

    @Option(help: "Registered environment id.")
    var env = "CartPole-v1"

    @Option(help: "Agent: dqn, ppo, a2c or reinforce.")
    var agent = "dqn"

    @Option(help: "Named settings for the environment (default, zoo, sb3, ...).")
    var preset = "default"

    @Option(help: "Seed of every random draw in the run.")
    var seed: UInt64 = 0

    @Option(help: "Environment steps to train for (the preset's total_timesteps otherwise).")
    var steps: Int?

    @Option(name: .customLong("set"), help: "A setting as name=value; repeat for several.")
    var settings: [String] = []

    @Option(help: "The run folder (default runs/ENV-AGENT-SEED-TIMESTAMP).")
    var out: String?

    @Option(help: "Continue the run in this folder from its latest.safetensors (its settings and seed).")
    var resume: String?

    @Option(name: .customLong("init-from"), help: "Start from this checkpoint's weights (same agent and architecture) instead of fresh ones.")
    var initFrom: String?

    @Flag(help: "Print one JSON object on stdout instead of progress lines.")
    var json = false

    func validate() throws {
        guard ["dqn", "ppo", "a2c", "reinforce"].contains(agent) else {
            throw ValidationError("--agent: expected dqn, ppo, a2c or reinforce, got \(agent)")
        }
        if let steps, steps <= 0 { throw ValidationError("--steps: expected a positive number, got \(steps)") }
        if initFrom != nil, resume != nil { throw ValidationError("--init-from: a resumed run continues from its own weights; drop --init-from or --resume") }
    }

    func run() throws {
        if let resume {
            let folder = try RunFolder(url: URL(fileURLWithPath: resume))
            let agentName = try loadPolicy(from: folder.latestCheckpoint).metadata.agent
            if PPOCheckpoint.agentNames.contains(agentName) {
                var (loop, environmentID) = try PPO.resuming(from: folder.latestCheckpoint, runFolder: folder)
                return try execute(
                    agent: agentName, environmentID: environmentID, seed: loop.seed, folder: folder.url,
                    totalTimesteps: loop.configuration.totalTimesteps, evalEpisodes: loop.configuration.nEvalEpisodes
                ) { shouldStop in
                    loop.shouldStop = shouldStop
                    if !json { (loop.onMetrics, loop.onEvaluation) = (Self.printProgress, Self.printEvaluation) }
                    return TrainingOutcome(try loop.train(environmentID: environmentID, registry: .standard, resumingFrom: folder.latestCheckpoint))
                }
            }
            var (dqn, environmentID) = try DQN.resuming(from: folder.latestCheckpoint, runFolder: folder)
            return try execute(
                agent: DQNCheckpoint.agentName, environmentID: environmentID, seed: dqn.seed, folder: folder.url,
                totalTimesteps: dqn.configuration.totalTimesteps, evalEpisodes: dqn.configuration.nEvalEpisodes
            ) { shouldStop in
                dqn.shouldStop = shouldStop
                if !json { (dqn.onMetrics, dqn.onEvaluation) = (Self.printProgress, Self.printEvaluation) }
                return TrainingOutcome(try dqn.train(environmentID: environmentID, registry: .standard, resumingFrom: folder.latestCheckpoint))
            }
        }
        _ = try EnvironmentRegistry.standard.spec(env)
        let folderURL = out.map { URL(fileURLWithPath: $0) } ?? Self.newRunFolder(environmentID: env, agent: agent, seed: seed)
        let initialWeights = initFrom.map { URL(fileURLWithPath: $0) }
        if agent != DQNCheckpoint.agentName {
            var configuration = try PPOConfiguration.preset(named: preset, environmentID: env, agent: agent).setting(settings)
            if let steps { configuration.totalTimesteps = steps }
            try refuseExistingRun(in: folderURL)
            let runFolder = try RunFolder(url: folderURL)
            var loop = switch agent {
            case PPOCheckpoint.a2cAgentName: PPO.a2c(configuration: configuration, seed: seed, runFolder: runFolder)
            case PPOCheckpoint.reinforceAgentName: PPO.reinforce(configuration: configuration, seed: seed, runFolder: runFolder)
            default: PPO(configuration: configuration, seed: seed, runFolder: runFolder)
            }
            loop.initialWeights = initialWeights
            return try execute(
                agent: agent, environmentID: env, seed: seed, folder: folderURL, totalTimesteps: configuration.totalTimesteps,
                evalEpisodes: configuration.nEvalEpisodes
            ) { shouldStop in
                loop.shouldStop = shouldStop
                if !json { (loop.onMetrics, loop.onEvaluation) = (Self.printProgress, Self.printEvaluation) }
                return TrainingOutcome(try loop.train(environmentID: env, registry: .standard))
            }
        }
        var configuration = try DQNConfiguration.preset(named: preset, environmentID: env).setting(settings)
        if let steps { configuration.totalTimesteps = steps }
        try configuration.validate()
        try refuseExistingRun(in: folderURL)
        var dqn = DQN(configuration: configuration, seed: seed, runFolder: try RunFolder(url: folderURL))
        dqn.initialWeights = initialWeights
        try execute(
            agent: agent, environmentID: env, seed: seed, folder: folderURL, totalTimesteps: configuration.totalTimesteps,
            evalEpisodes: configuration.nEvalEpisodes
        ) { shouldStop in
            dqn.shouldStop = shouldStop
            if !json { (dqn.onMetrics, dqn.onEvaluation) = (Self.printProgress, Self.printEvaluation) }
            return TrainingOutcome(try dqn.train(environmentID: env, registry: .standard))
        }
    }

    /// Runs `train` with Ctrl-C wired to a clean stop (a resumable latest checkpoint and exit
    /// status 130), then evaluates the final policy greedily and reports the run.
    private func execute(
        agent: String, environmentID: String, seed: UInt64, folder: URL, totalTimesteps: Int, evalEpisodes: Int,
        train: (_ shouldStop: @escaping () -> Bool) throws -> TrainingOutcome
    ) throws {
        if !json {
            let what = resume == nil ? "training" : "resuming"
            print("\(what) \(agent) on \(environmentID) (seed \(seed), \(totalTimesteps) steps) in \(folder.path)")
        }
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, SIG_DFL) }
        let clock = ContinuousClock()
        let start = clock.now
        let run = try train { interruptRequested.load(ordering: .relaxed) }
        let seconds = (clock.now - start) / .seconds(1)
        if run.interrupted {
            let latest = folder.appendingPathComponent("checkpoints/latest.safetensors").path
            let message = "interrupted at \(run.timesteps) steps; wrote \(latest); continue with: dojo train --resume \(folder.path)\n"
            fflush(nil)
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(130)
        }
        let evaluation = try evaluate(
            policy: run.policy, environmentID: environmentID, registry: .standard, episodes: evalEpisodes, seed: seed &+ 1)
        report(
            agent: agent, timesteps: run.timesteps, updates: run.updates, episodes: run.episodes, seconds: seconds, folder: folder,
            stoppedEarly: run.stoppedEarly, bestMeanReturn: run.bestMeanReturn, evaluation: evaluation, environmentID: environmentID,
            seed: seed)
    }

    /// Prints a metrics row as a progress line.
    static func printProgress(_ row: MetricsRow) {
        let meanReturn = row.meanReturn.map { String(format: "%.1f", $0) } ?? "-"
        let loss = row.loss.map { String(format: "%.4f", $0) } ?? "-"
        let epsilon = row.epsilon.map { "  epsilon \(String(format: "%.3f", $0))" } ?? ""
        print("steps \(row.timesteps)  episodes \(row.episodes)  mean return (100) \(meanReturn)  loss \(loss)\(epsilon)  \(Int(row.stepsPerSecond)) steps/s")
    }

    /// Prints a periodic evaluation.
    static func printEvaluation(_ record: EvaluationRecord) {
        print("evaluation at \(record.timesteps): mean return \(String(format: "%.2f", record.result.meanReturn)) over \(record.result.episodes) episodes")
    }

    /// Prints a finished run: one JSON object with `--json`, otherwise a summary.
    private func report(
        agent: String, timesteps: Int, updates: Int, episodes: Int, seconds: Double, folder: URL, stoppedEarly: Bool, bestMeanReturn: Double?,
        evaluation: EvaluationResult, environmentID: String, seed: UInt64
    ) {
        let final = folder.appendingPathComponent("final.safetensors").path
        if json {
            let output: JSONValue = [
                "env": .string(environmentID), "agent": .string(agent), "preset": .string(preset), "seed": .number(Double(seed)),
                "timesteps": .number(Double(timesteps)), "updates": .number(Double(updates)),
                "episodes": .number(Double(episodes)), "seconds": .number(seconds), "run_folder": .string(folder.path),
                "final_checkpoint": .string(final), "stopped_early": .bool(stoppedEarly),
                "best_mean_return": bestMeanReturn.map { .number($0) } ?? .null,
                "final_evaluation": evaluationJSON(evaluation, environmentID: environmentID, agent: agent),
            ]
            print(output.jsonText)
        } else {
            print(String(format: "trained %d steps (%d updates, %d episodes) in %.1f s", timesteps, updates, episodes, seconds))
            print("final greedy policy: mean return \(String(format: "%.2f", evaluation.meanReturn)) ± \(String(format: "%.2f", evaluation.standardDeviationOfReturn)) over \(evaluation.episodes) episodes")
            print("wrote \(final)")
        }
    }

    /// `runs/ENV-AGENT-SEED-TIMESTAMP` (UTC, to the second), with `-2`, `-3`, ... when a run
    /// started in the same second, so a new run never lands in an old one's folder.
    static func newRunFolder(environmentID: String, agent: String, seed: UInt64) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "runs/\(environmentID)-\(agent)-\(seed)-\(formatter.string(from: Date()))"
        var candidate = base
        var suffix = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return URL(fileURLWithPath: candidate)
    }

    /// Fails when `folder` already holds a run's files, so nothing a person had is overwritten.
    private func refuseExistingRun(in folder: URL) throws {
        for name in RunFolder.runFiles {
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) {
                throw CommandError("\(folder.path) already holds a run (\(name)); choose another --out or remove it")
            }
        }
    }
}

/// An evaluation as `dojo eval --json` prints it.
func evaluationJSON(_ result: EvaluationResult, environmentID: String, agent: String) -> JSONValue {
    [
        "env": .string(environmentID), "agent": .string(agent), "episodes": .number(Double(result.episodes)),
        "mean_return": .number(result.meanReturn), "std_return": .number(result.standardDeviationOfReturn),
        "mean_length": .number(result.meanLength), "success_rate": result.successRate.map { .number($0) } ?? .null,
        "illegal_actions": .number(Double(result.illegalActions)),
    ]
}
