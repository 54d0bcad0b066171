import Agents
import ArgumentParser
import Dojo
import Environments
import Foundation
import NeuralCore
import Rendering
import Synchronization

/// Set by SIGINT (Ctrl-C) while `dojo train` runs: training stops at the next step, writes a
/// resumable latest checkpoint and exits with status 130.
let interruptRequested = Atomic<Bool>(false)

/// `dojo train`: trains an agent on a registered environment, from one seed or several, and
/// writes run folders.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an agent on an environment; checkpoints, metrics and pictures go to a run folder.",
        discussion: """
            With no options it trains DQN's default preset on CartPole-v1 in a few seconds. \
            Settings: the preset, then --config FILE.json (a JSON object of settings, or a run's \
            config.json, which also brings its env, options and agent unless flags name others), \
            then each --set name=value (Stable-Baselines3's names: --set \
            learning_rate=0.001 --set net_arch=[128,128]), then --steps, --eval-every and \
            --eval-episodes. Every value is checked before anything starts; an unknown name gets \
            the closest known one suggested.

            The run folder (--out, default runs/ENV-AGENT-SEED-TIMESTAMP, UTC; missing or empty, never \
            one that holds files) receives config.json (every resolved setting, the seed, Dojo's version and the \
            machine), progress.csv (timesteps, episodes, mean_return_100, loss, policy_loss, \
            value_loss, entropy, learning_rate, epsilon, steps_per_second), eval.csv \
            (timesteps, episodes, mean_return, std_return, mean_length, success_rate), \
            checkpoints/latest.safetensors (every checkpoint_freq steps, a tenth of the \
            budget unless the preset or you set it, and on Ctrl-C; \
            resumable), checkpoints/best.safetensors (the best periodic evaluation), \
            final.safetensors, learning_curve.svg (training and evaluation returns against \
            steps), episode.gif (one greedy episode of the final policy, for environments that \
            draw frames) and a TensorBoard event file (events.out.tfevents.*: \
            charts/episodic_return, charts/SPS, charts/learning_rate, losses/td_loss or \
            losses/policy_loss, losses/value_loss and losses/entropy; tensorboard --logdir runs).

            --seeds A-B trains each seed into GROUP/seed-N (GROUP: --out, default \
            runs/ENV-AGENT-seeds-A-B-TIMESTAMP), up to --threads at once, writes \
            GROUP/summary.json and prints each seed's final score and time to the reward \
            threshold, then the mean and standard deviation. Each seed ends exactly as it would \
            alone.

            --watch (SDL trait) opens a window that, after each evaluation (set --eval-every), \
            plays one episode of the policy just evaluated beside the evaluation returns so \
            far, while training goes on.

            Ctrl-C stops cleanly: it writes checkpoints/latest.safetensors and exits with status \
            130; --resume DIR continues that run to the weights an uninterrupted run ends with. \
            --init-from CHECKPOINT starts a new run from a checkpoint's weights (fine-tuning, \
            another map). On a terminal a live line shows progress; otherwise a line is printed \
            per metrics row (metrics_interval steps). --json prints one object: env, agent, \
            preset, seed, timesteps, updates, episodes, seconds, run_folder, final_checkpoint, \
            stopped_early, best_mean_return and final_evaluation (as dojo eval --json); with \
            --seeds, the summary.

            Examples:
              dojo train
              dojo train --env CartPole-v1 --agent ppo --preset zoo --seeds 1-5
              dojo train --env FrozenLake-v1 --set learning_rate=0.0005 --eval-every 5000
              dojo train --resume runs/CartPole-v1-dqn-0-20261202-101500
            """
    )

    @Option(help: "Registered environment id (default: CartPole-v1, or a --config run's).")
    var env: String?

    @Option(help: "Agent: dqn, ppo, a2c or reinforce (default: a --config run's; ppo for the board games, which train by self-play; dqn elsewhere).")
    var agent: String?

    @Option(help: "Named settings for the environment (default, zoo, sb3, ...; default: default).")
    var preset: String?

    @Option(help: "Options for making the environment, as a JSON object (e.g. '{\"is_slippery\": false}').")
    var options: String?

    @Option(help: "Seed of every random draw in the run.")
    var seed: UInt64?

    @Option(help: "Train several seeds, as A-B or a comma list (1-5, 1,4,9).")
    var seeds: String?

    @Option(help: "Environment steps to train for (the preset's total_timesteps otherwise).")
    var steps: Int?

    @Option(name: .customLong("stop-after"), help: "Stop cleanly once this many steps are taken, with every schedule as the whole run has it; --resume continues the run.")
    var stopAfter: Int?

    @Option(name: .customLong("set"), help: "A setting as name=value; repeat for several.")
    var settings: [String] = []

    @Option(help: "A JSON file of settings (or a run's config.json), applied before --set.")
    var config: String?

    @Option(help: "The run folder, or the group folder with --seeds.")
    var out: String?

    @Option(help: "Continue the run in this folder from its checkpoints/latest.safetensors (its settings and seed).")
    var resume: String?

    @Option(name: .customLong("init-from"), help: "Start from this checkpoint's weights (same agent and architecture) instead of fresh ones.")
    var initFrom: String?

    @Option(name: .customLong("eval-every"), help: "Evaluate the greedy policy every N steps (eval_freq).")
    var evalEvery: Int?

    @Option(name: .customLong("eval-episodes"), help: "Episodes per evaluation (n_eval_episodes).")
    var evalEpisodes: Int?

    @Option(help: "Threads to use (default: every core); --seeds runs this many seeds at once.")
    var threads: Int?

    @Flag(help: "After each evaluation, play the evaluated policy in a window beside its learning curve (SDL trait).")
    var watch = false

    @Flag(help: "Print only the final summary.")
    var quiet = false

    @Flag(help: "Print one JSON object on stdout instead of progress lines.")
    var json = false

    /// The agents `--agent` names.
    static let agents = ["dqn", "ppo", "a2c", "reinforce"]

    func validate() throws {
        if let agent { try Self.requireKnown(agent: agent) }
        if let steps, steps <= 0 { throw ValidationError("--steps: expected a positive number, got \(steps)") }
        if let stopAfter, stopAfter <= 0 { throw ValidationError("--stop-after: expected a positive number, got \(stopAfter)") }
        if let evalEvery, evalEvery < 0 { throw ValidationError("--eval-every: expected 0 (off) or a number of steps, got \(evalEvery)") }
        if let evalEpisodes, evalEpisodes <= 0 { throw ValidationError("--eval-episodes: expected a positive number, got \(evalEpisodes)") }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads: expected 1 to 256, got \(threads)") }
        if seeds != nil, seed != nil { throw ValidationError("--seeds: give --seed N or --seeds A-B, not both") }
        if resume != nil {
            let given: [(flag: String, isSet: Bool)] = [
                ("--env", env != nil), ("--agent", agent != nil), ("--preset", preset != nil), ("--seed", seed != nil), ("--seeds", seeds != nil),
                ("--steps", steps != nil), ("--set", !settings.isEmpty), ("--config", config != nil), ("--out", out != nil),
                ("--init-from", initFrom != nil), ("--eval-every", evalEvery != nil), ("--eval-episodes", evalEpisodes != nil),
                ("--options", options != nil),
            ]
            if let flag = given.first(where: \.isSet)?.flag {
                throw ValidationError("\(flag): a resumed run continues with its own settings, seed and folder; drop \(flag) or --resume")
            }
        }
        if let seeds { _ = try Self.parseSeeds(seeds) }
        if watch, !Self.hasWindow { throw ValidationError(Self.watchNeedsSDL) }
        if watch, seeds != nil { throw ValidationError("--watch: it follows one run; drop --seeds or --watch") }
    }

    func run() throws {
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        defer { signal(SIGINT, SIG_DFL) }
        // A parent may start us with SIGINT blocked (the mask is inherited); Ctrl-C must still stop the run.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        if let resume {
            let url = URL(fileURLWithPath: resume)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent(RunFolder.Name.latestCheckpoint).path) else {
                throw CommandError("--resume \(resume): no checkpoints/latest.safetensors to continue from")
            }
            let folder = try RunFolder(url: url)
            var (job, seed) = try TrainingJob.resuming(folder)
            job.stopAfterTimesteps = stopAfter
            return try train(job, seed: seed, folder: folder)
        }
        let file = try config.map(ConfigurationFile.init(path:))
        let environmentID = env ?? file?.environmentID ?? "CartPole-v1"
        let agent = agent ?? file?.agent ?? Self.defaultAgent(for: environmentID)
        try Self.requireKnown(agent: agent)
        var job = try TrainingJob.resolve(
            environmentID: environmentID,
            environmentOptions: try options.map { try parseOptions($0, flag: "--options") } ?? file?.environmentOptions ?? [:],
            agent: agent, preset: preset ?? "default", fileSettings: file?.settings ?? [:], assignments: settings, overrides: overrides)
        job.initialWeights = initFrom.map { URL(fileURLWithPath: $0) }
        job.stopAfterTimesteps = stopAfter
        if let seeds {
            return try trainGroup(job, seeds: try Self.parseSeeds(seeds))
        }
        let seed = seed ?? 0
        let outExisted = out.map { FileManager.default.fileExists(atPath: $0) } ?? false
        let folderURL = try out.map { try NewRunFolder.claim(URL(fileURLWithPath: $0)) }
            ?? NewRunFolder.create(name: "\(job.environmentID)-\(job.agent)-\(seed)")
        do {
            try train(job, seed: seed, folder: try RunFolder(url: folderURL))
        } catch {
            if !outExisted { NewRunFolder.removeIfNothingWritten(folderURL) }
            throw error
        }
    }

    /// The agent `dojo train` uses when none is named: PPO, whose presets self-play, for the
    /// board games; DQN elsewhere.
    static func defaultAgent(for environmentID: String) -> String {
        ["TicTacToe-v0", "ConnectFour-v0"].contains(environmentID) ? "ppo" : "dqn"
    }

    /// Refuses an agent `dojo train` does not have, suggesting the closest.
    static func requireKnown(agent: String) throws {
        guard agents.contains(agent) else {
            let suggestion = closestName(to: agent, among: agents).map { " (did you mean \($0)?)" } ?? ""
            throw ValidationError("--agent: expected dqn, ppo, a2c or reinforce, got \(agent)\(suggestion)")
        }
    }

    /// The settings named by flags of their own.
    private var overrides: [String: JSONValue] {
        var overrides: [String: JSONValue] = [:]
        if let steps { overrides["total_timesteps"] = .number(Double(steps)) }
        if let evalEvery { overrides["eval_freq"] = .number(Double(evalEvery)) }
        if let evalEpisodes { overrides["n_eval_episodes"] = .number(Double(evalEpisodes)) }
        return overrides
    }

    /// Trains one run with progress output, then reports it (exit status 130 when interrupted).
    private func train(_ job: TrainingJob, seed: UInt64, folder: RunFolder) throws {
        if !json && !quiet {
            print("\(resume == nil ? "training" : "resuming") \(job.agent) on \(job.environmentID) (seed \(seed), \(job.totalTimesteps) steps) in \(folder.url.path)")
        }
        let progress = TrainingProgress(style: json ? .quiet : TrainingProgress.style(quiet: quiet), totalTimesteps: job.totalTimesteps)
        let observer = TrainingObserver(
            onMetrics: progress.metrics, onEvaluation: progress.evaluation, shouldStop: { interruptRequested.load(ordering: .relaxed) })
        let result = watch
            ? try trainWatching(job, seed: seed, folder: folder, observer: observer)
            : try SeedRun(job: job, seed: seed, folder: folder, threads: threads ?? availableProcessorCount).run(observer: observer)
        progress.finish()
        try exitIfInterrupted([result])
        report(result, job: job)
    }

    /// Trains every seed of a group and prints its table (exit status 130 when interrupted).
    private func trainGroup(_ job: TrainingJob, seeds: [UInt64]) throws {
        let first = seeds.first ?? 0, last = seeds.last ?? 0
        let folderURL = try out.map { try NewRunFolder.claim(URL(fileURLWithPath: $0)) }
            ?? NewRunFolder.create(name: "\(job.environmentID)-\(job.agent)-seeds-\(first)-\(last)")
        let group = SeedGroup(job: job, seeds: seeds, folder: folderURL, threads: threads ?? availableProcessorCount)
        if !json && !quiet {
            print("training \(job.agent) on \(job.environmentID) with seeds \(seeds.map(String.init).joined(separator: ", ")) (\(group.concurrentRuns) at a time, \(job.totalTimesteps) steps each) in \(folderURL.path)")
        }
        let progress = GroupProgress(style: json ? .quiet : TrainingProgress.style(quiet: quiet), seeds: seeds, totalTimesteps: job.totalTimesteps)
        let (results, notStarted) = try group.run(shouldStop: { interruptRequested.load(ordering: .relaxed) }, onRow: progress.metrics(seed:row:))
        progress.finish()
        try exitIfInterrupted(results, notStarted: notStarted)
        let rewardThreshold = try EnvironmentRegistry.standard.spec(job.environmentID).rewardThreshold
        let summary = group.summary(results, rewardThreshold: rewardThreshold)
        try Data((summary.jsonText + "\n").utf8).write(to: folderURL.appendingPathComponent("summary.json"), options: .atomic)
        let histories = try results.map { try RunHistory(folder: $0.folder) }
        try LearningCurves.chart(of: histories, metric: .both).write(to: folderURL.appendingPathComponent("learning_curve.svg").path)
        if json {
            print(summary.jsonText)
        } else {
            print(group.table(results))
            print("wrote \(folderURL.appendingPathComponent("summary.json").path)")
        }
    }

    /// Exits with status 130, naming how to continue, when a run was interrupted (and which
    /// seeds of a group never started); runs that stopped at `--stop-after` say how to continue
    /// and exit normally.
    private func exitIfInterrupted(_ results: [SeedRun.Result], notStarted: [UInt64] = []) throws {
        let stopped = results.filter(\.counts.interrupted)
        guard !stopped.isEmpty || !notStarted.isEmpty else { return }
        fflush(nil)
        if !notStarted.isEmpty {
            FileHandle.standardError.write(Data("interrupted before seeds \(notStarted.map(String.init).joined(separator: ", ")) started\n".utf8))
        }
        var asked = notStarted.isEmpty
        for result in stopped {
            let latest = result.folder.appendingPathComponent(RunFolder.Name.latestCheckpoint).path
            let reachedLimit = stopAfter.map { result.counts.timesteps >= $0 } ?? false
            asked = asked && reachedLimit
            let how = reachedLimit ? "stopped after \(result.counts.timesteps) steps as --stop-after asked" : "interrupted at \(result.counts.timesteps) steps"
            FileHandle.standardError.write(Data("\(how); wrote \(latest); continue with: dojo train --resume \(result.folder.path)\n".utf8))
        }
        throw asked ? ExitCode.success : ExitCode(130)
    }

    /// Prints a finished run: one JSON object with `--json`, otherwise a summary.
    private func report(_ result: SeedRun.Result, job: TrainingJob) {
        let final = result.folder.appendingPathComponent(RunFolder.Name.finalCheckpoint).path
        guard let evaluation = result.finalEvaluation else { return }
        if json {
            let output: JSONValue = [
                "env": .string(job.environmentID), "agent": .string(job.agent), "preset": job.preset.map { .string($0) } ?? .null, "seed": .number(Double(result.seed)),
                "timesteps": .number(Double(result.counts.timesteps)), "updates": .number(Double(result.counts.updates)),
                "episodes": .number(Double(result.counts.episodes)), "seconds": .number(result.seconds), "run_folder": .string(result.folder.path),
                "final_checkpoint": .string(final), "stopped_early": .bool(result.counts.stoppedEarly),
                "best_mean_return": result.counts.bestMeanReturn.map { .number($0) } ?? .null,
                "final_evaluation": evaluationJSON(evaluation, environmentID: job.environmentID, agent: job.agent),
            ]
            print(output.jsonText)
        } else {
            print(String(format: "trained %d steps (%d updates, %d episodes) in %.1f s", result.counts.timesteps, result.counts.updates, result.counts.episodes, result.seconds))
            print("final greedy policy: mean return \(String(format: "%.2f", evaluation.meanReturn)) ± \(String(format: "%.2f", evaluation.standardDeviationOfReturn)) over \(evaluation.episodes) episodes")
            print("wrote \(final)")
        }
    }

    /// The seeds of `--seeds`: `A-B` (inclusive) or a comma list.
    static func parseSeeds(_ text: String) throws -> [UInt64] {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let low = UInt64(parts[0]), let high = UInt64(parts[1]) {
            guard low <= high, high - low < 1_000 else { throw ValidationError("--seeds: expected A-B with A <= B and at most 1000 seeds, got \(text)") }
            return Array(low...high)
        }
        let list = text.split(separator: ",").map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !list.isEmpty, list.allSatisfy({ $0 != nil }) else { throw ValidationError("--seeds: expected A-B or a comma list of seeds, got \(text)") }
        let seeds = list.compactMap { $0 }
        guard Set(seeds).count == seeds.count else { throw ValidationError("--seeds: a seed is listed twice in \(text)") }
        return seeds
    }
}
