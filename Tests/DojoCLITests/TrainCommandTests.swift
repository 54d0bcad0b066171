import Foundation
import Testing

/// `dojo train` and `dojo eval` end to end: the run folder, the JSON contracts, and errors that
/// name what was wrong and leave earlier runs intact.
@Suite struct TrainCommandTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The documented command with no other options: the default preset, and `final.safetensors`
    /// in the run folder under `runs/`.
    @Test func defaultRunWritesItsFolderAndSolvesCartPole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DojoBinary.run(["train", "--env", "CartPole-v1", "--agent", "dqn", "--seed", "1"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("runs").path)
        #expect(runs.count == 1 && runs[0].hasPrefix("CartPole-v1-dqn-1-"), "\(runs)")
        let run = folder.appendingPathComponent("runs").appendingPathComponent(runs.first ?? "")
        for name in ["final.safetensors", "checkpoints/best.safetensors", "checkpoints/latest.safetensors", "progress.csv", "eval.csv", "config.json"] {
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent(name).path), "\(name)")
        }
        // The default preset stops at the reward threshold, after 1,000-step metrics rows.
        let metrics = try String(contentsOf: run.appendingPathComponent("progress.csv"), encoding: .utf8).split(separator: "\n")
        #expect(metrics.first == "timesteps,episodes,mean_return_100,loss,policy_loss,value_loss,entropy,learning_rate,epsilon,steps_per_second" && (11...51).contains(metrics.count))
        let evaluations = try String(contentsOf: run.appendingPathComponent("eval.csv"), encoding: .utf8).split(separator: "\n")
        #expect(evaluations.first == "timesteps,episodes,mean_return,std_return,mean_length,success_rate" && evaluations.count >= 2)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("config.json"))) as? [String: Any]
        #expect(config?["env"] as? String == "CartPole-v1" && config?["agent"] as? String == "dqn" && config?["seed"] as? Int == 1)
        #expect(config?["dojo_version"] is String && (config?["machine"] as? [String: Any])?["processors"] is Int)
        #expect((config?["hyperparameters"] as? [String: Any])?["learning_rate"] is Double)

        let evaluation = try DojoBinary.json([
            "eval", "--checkpoint", run.appendingPathComponent("final.safetensors").path, "--episodes", "20", "--json",
        ]) as? [String: Any]
        #expect(evaluation?["env"] as? String == "CartPole-v1" && evaluation?["agent"] as? String == "dqn")
        #expect(evaluation?["episodes"] as? Int == 20 && evaluation?["success_rate"] is NSNull)
        #expect((evaluation?["mean_return"] as? Double ?? 0) >= 475 && evaluation?["std_return"] is Double)
        #expect(evaluation?["mean_length"] as? Double == evaluation?["mean_return"] as? Double)

        // A second run gets a folder of its own; one into an existing run's folder is refused
        // and leaves the first intact.
        let before = try Data(contentsOf: run.appendingPathComponent("final.safetensors"))
        let second = try DojoBinary.run(["train", "--seed", "1", "--steps", "1200"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("runs").path).count == 2)
        let again = try DojoBinary.run(["train", "--seed", "1", "--steps", "100", "--out", run.path], in: folder)
        #expect(again.status != 0 && again.stderr.contains("already holds a run"), "\(again.stderr)")
        #expect(try Data(contentsOf: run.appendingPathComponent("final.safetensors")) == before)
    }

    /// `--resume DIR` continues a run from its latest checkpoint to the weights the run that
    /// was never stopped ends with. The stopped run is the finished run's folder as it was
    /// when its checkpoint at 2,000 steps was written (as after a crash).
    @Test func resumeContinuesToTheSameWeights() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (whole, stopped) = (folder.appendingPathComponent("whole"), folder.appendingPathComponent("stopped"))
        let settings = ["--set", "checkpoint_freq=2000", "--set", "save_replay_buffer=true", "--set", "metrics_interval=500"]
        let first = try DojoBinary.run(["train", "--seed", "4", "--steps", "3000", "--out", whole.path] + settings)
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.createDirectory(at: stopped.appendingPathComponent("checkpoints"), withIntermediateDirectories: true)
        for name in ["checkpoints/latest.safetensors", "progress.csv", "eval.csv", "config.json"] {
            try FileManager.default.copyItem(at: whole.appendingPathComponent(name), to: stopped.appendingPathComponent(name))
        }
        let resumed = try DojoBinary.run(["train", "--resume", stopped.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resuming dqn on CartPole-v1 (seed 4"))
        let expected = try Data(contentsOf: whole.appendingPathComponent("final.safetensors"))
        #expect(try Data(contentsOf: stopped.appendingPathComponent("final.safetensors")) == expected)
        let rows = try String(contentsOf: stopped.appendingPathComponent("progress.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 7 && rows.map { $0.prefix(while: { $0 != "," }) } == ["timesteps", "500", "1000", "1500", "2000", "2500", "3000"])

        let policyOnly = try DojoBinary.run(["train", "--resume", folder.appendingPathComponent("missing").path])
        #expect(policyOnly.status != 0 && policyOnly.stderr.contains("latest.safetensors"), "\(policyOnly.stderr)")
    }

    /// The same for PPO: `--resume` finds the agent in the checkpoint, continues from the
    /// latest checkpoint (written after the rollout that crossed 2,000 steps) and writes the
    /// final checkpoint the uninterrupted run wrote, byte for byte.
    @Test func resumeContinuesAPPORunToTheSameWeights() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (whole, stopped) = (folder.appendingPathComponent("whole"), folder.appendingPathComponent("stopped"))
        let first = try DojoBinary.run([
            "train", "--agent", "ppo", "--preset", "zoo", "--seed", "4", "--steps", "3072", "--out", whole.path,
            "--set", "checkpoint_freq=2000", "--set", "metrics_interval=1000",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.createDirectory(at: stopped.appendingPathComponent("checkpoints"), withIntermediateDirectories: true)
        for name in ["checkpoints/latest.safetensors", "progress.csv", "eval.csv", "config.json"] {
            try FileManager.default.copyItem(at: whole.appendingPathComponent(name), to: stopped.appendingPathComponent(name))
        }
        let resumed = try DojoBinary.run(["train", "--resume", stopped.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resuming ppo on CartPole-v1 (seed 4"))
        let expected = try Data(contentsOf: whole.appendingPathComponent("final.safetensors"))
        #expect(try Data(contentsOf: stopped.appendingPathComponent("final.safetensors")) == expected)
        let rows = try String(contentsOf: stopped.appendingPathComponent("progress.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.map { $0.prefix(while: { $0 != "," }) } == ["timesteps", "1024", "2048", "3072"])
    }

    /// `dojo train --env CartPole-v1 --agent ppo --seed N` with no other options: PPO's default
    /// preset, which stops at its first evaluation reaching 475, writes its run folder under
    /// `runs/`, and its final policy scores at least 475 over 20 greedy episodes.
    @Test func defaultPPORunSolvesCartPole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DojoBinary.run(["train", "--env", "CartPole-v1", "--agent", "ppo", "--seed", "1"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("runs").path)
        #expect(runs.count == 1 && runs[0].hasPrefix("CartPole-v1-ppo-1-"), "\(runs)")
        let run = folder.appendingPathComponent("runs").appendingPathComponent(runs.first ?? "")
        for name in ["final.safetensors", "checkpoints/best.safetensors", "progress.csv", "eval.csv", "config.json"] {
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent(name).path), "\(name)")
        }
        #expect(output.stdout.contains("evaluation at "))
        let evaluation = try DojoBinary.json([
            "eval", "--checkpoint", run.appendingPathComponent("final.safetensors").path, "--episodes", "20", "--json",
        ]) as? [String: Any]
        #expect(evaluation?["agent"] as? String == "ppo" && (evaluation?["mean_return"] as? Double ?? 0) >= 475)
    }

    /// `--agent ppo` trains into a run folder whose final checkpoint keeps the actor under
    /// `policy.*` and the critic under `value.*`, and which `dojo eval` rebuilds from the file.
    @Test func ppoRunWritesACheckpointThatEvalReads() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("ppo").path
        let report = try DojoBinary.json([
            "train", "--agent", "ppo", "--seed", "2", "--steps", "2048", "--set", "ent_coef=0.01", "--out", out, "--json",
        ]) as? [String: Any]
        #expect(report?["agent"] as? String == "ppo" && report?["timesteps"] as? Int == 2048 && report?["updates"] as? Int == 80)
        let config = try String(contentsOf: URL(fileURLWithPath: "\(out)/config.json"), encoding: .utf8)
        #expect(config.contains(#""ent_coef":0.01"#) && config.contains(#""n_envs":8"#))
        let evaluation = try DojoBinary.json(["eval", "--checkpoint", "\(out)/final.safetensors", "--episodes", "5", "--json"]) as? [String: Any]
        #expect(evaluation?["agent"] as? String == "ppo" && evaluation?["env"] as? String == "CartPole-v1")
        #expect(evaluation?["timesteps"] as? Int == 2048 && evaluation?["mean_return"] is Double)

        let a2c = folder.appendingPathComponent("a2c").path
        let a2cReport = try DojoBinary.json(["train", "--agent", "a2c", "--steps", "4000", "--out", a2c, "--json"]) as? [String: Any]
        #expect(a2cReport?["agent"] as? String == "a2c" && a2cReport?["updates"] as? Int == 100)
        let a2cEvaluation = try DojoBinary.json(["eval", "--checkpoint", "\(a2c)/final.safetensors", "--episodes", "3", "--json"]) as? [String: Any]
        #expect(a2cEvaluation?["agent"] as? String == "a2c")

        let reinforce = folder.appendingPathComponent("reinforce").path
        let reinforceReport = try DojoBinary.json(["train", "--agent", "reinforce", "--steps", "3000", "--out", reinforce, "--json"]) as? [String: Any]
        #expect(reinforceReport?["agent"] as? String == "reinforce" && (reinforceReport?["timesteps"] as? Int ?? 0) >= 3000)
        let reinforceConfig = try String(contentsOf: URL(fileURLWithPath: "\(reinforce)/config.json"), encoding: .utf8)
        #expect(reinforceConfig.contains(#""complete_episodes":true"#) && reinforceConfig.contains(#""use_baseline":true"#))
        let reinforceEvaluation = try DojoBinary.json(["eval", "--checkpoint", "\(reinforce)/final.safetensors", "--episodes", "3", "--json"]) as? [String: Any]
        #expect(reinforceEvaluation?["agent"] as? String == "reinforce")
    }

    /// `--init-from` starts training from a checkpoint's weights: with no learning (PPO at
    /// learning rate 0, DQN before `learning_starts`) the new run's final weights are the
    /// checkpoint's, byte for byte. Weights of another agent are refused, naming the file.
    @Test func initFromStartsFromACheckpointsWeights() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (agent, frozen) in [("ppo", "learning_rate=0"), ("dqn", "learning_starts=100000")] {
            let first = folder.appendingPathComponent("\(agent)-first").path
            let second = folder.appendingPathComponent("\(agent)-second").path
            _ = try DojoBinary.json(["train", "--agent", agent, "--seed", "1", "--steps", "2048", "--out", first, "--json"])
            _ = try DojoBinary.json([
                "train", "--agent", agent, "--seed", "2", "--steps", "512", "--set", frozen, "--init-from", "\(first)/final.safetensors",
                "--out", second, "--json",
            ])
            let start = try TensorBytes.read(URL(fileURLWithPath: "\(first)/final.safetensors"))
            let end = try TensorBytes.read(URL(fileURLWithPath: "\(second)/final.safetensors"))
            #expect(!start.isEmpty && start == end, "\(agent)")
        }
        let refused = try DojoBinary.run([
            "train", "--agent", "ppo", "--init-from", folder.appendingPathComponent("dqn-first/final.safetensors").path,
            "--out", folder.appendingPathComponent("refused").path,
        ])
        #expect(refused.status != 0 && refused.stderr.contains("dqn-first/final.safetensors"), "\(refused.stderr)")
    }

    @Test func jsonReportAndSuccessRate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("lake").path
        let report = try DojoBinary.json([
            "train", "--env", "FrozenLake-v1", "--agent", "dqn", "--steps", "3000", "--set", "learning_starts=500",
            "--set", "eval_freq=1000", "--out", out, "--json",
        ]) as? [String: Any]
        #expect(report?["timesteps"] as? Int == 3000 && report?["run_folder"] as? String == out)
        #expect(report?["best_mean_return"] is Double && (report?["final_evaluation"] as? [String: Any])?["success_rate"] is Double)
        let evaluation = try DojoBinary.json([
            "eval", "--checkpoint", "\(out)/checkpoints/best.safetensors", "--episodes", "50", "--seed", "3", "--json",
        ]) as? [String: Any]
        let rate = try #require(evaluation?["success_rate"] as? Double)
        #expect((0...1).contains(rate) && evaluation?["env"] as? String == "FrozenLake-v1")
    }

    @Test(arguments: [
        (["train", "--env", "CartPole-v1", "--agent", "sac"], "--agent"),
        (["train", "--agent", "ppo", "--set", "n_epoch=3"], "did you mean 'n_epochs'?"),
        (["train", "--env", "CartPole-v1", "--agent", "dqn", "--set", "gama=0.9"], "did you mean 'gamma'?"),
        (["train", "--agent", "ppo", "--set", "gamma=1.5"], "'gamma': expected a value in [0, 1], got 1.5"),
        (["train", "--agent", "a2c", "--set", "learning_rate=-0.1"], "'learning_rate': expected a rate of 0 or more, got -0.1"),
        (["train", "--agent", "ppo", "--set", "batch_size=100000"], "'batch_size': expected 1 to n_steps * n_envs"),
        (["train", "--agent", "dqm"], "did you mean dqn?"),
        (["train", "--seeds", "5-1"], "--seeds"),
        (["train", "--seeds", "1-3", "--seed", "2"], "--seeds"),
        (["train", "--config", "/nonexistent/config.json"], "/nonexistent/config.json"),
        (["train", "--eval-episodes", "0"], "--eval-episodes"),
        (["train", "--resume", "runs/x", "--steps", "5000"], "--steps: a resumed run continues with its own settings"),
        (["train", "--resume", "runs/x", "--env", "FrozenLake-v1"], "--env"),
        (["train", "--resume", "runs/nothing-here"], "no checkpoints/latest.safetensors"),
        (["train", "--env", "CartPole-v1", "--agent", "dqn", "--set", "tau=2"], "tau"),
        (["train", "--env", "CartPole-v1", "--agent", "dqn", "--preset", "fast"], "fast"),
        (["train", "--env", "Nope-v0", "--agent", "dqn"], "Nope-v0"),
        (["eval", "--checkpoint", "/nonexistent/final.safetensors"], "/nonexistent/final.safetensors"),
    ])
    func badArgumentsAreNamed(arguments: [String], mention: String) throws {
        // Every check comes before the run folder is made.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DojoBinary.run(arguments, in: folder)
        #expect(output.status != 0 && output.stderr.contains(mention), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("runs").path))
    }

    /// `--config` takes a JSON object of settings or a run's own `config.json` (its
    /// hyperparameters), before `--set`; unknown names in it are refused with a suggestion.
    @Test func configFilesSetSettings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = folder.appendingPathComponent("settings.json")
        try Data(#"{"learning_rate": 0.001, "net_arch": [32, 32], "total_timesteps": 1500}"#.utf8).write(to: settings)
        let first = folder.appendingPathComponent("first")
        let trained = try DojoBinary.run(["train", "--config", settings.path, "--set", "net_arch=[16]", "--out", first.path, "--quiet"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: first.appendingPathComponent("config.json"))) as? [String: Any]
        let hyperparameters = config?["hyperparameters"] as? [String: Any]
        #expect(hyperparameters?["learning_rate"] as? Double == 0.001 && hyperparameters?["net_arch"] as? [Int] == [16])
        #expect(hyperparameters?["total_timesteps"] as? Int == 1500)

        let second = folder.appendingPathComponent("second")
        let again = try DojoBinary.run(["train", "--config", first.appendingPathComponent("config.json").path, "--out", second.path, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: second.appendingPathComponent("final.safetensors")) == Data(contentsOf: first.appendingPathComponent("final.safetensors")))

        // A run's config.json brings its env and agent along.
        let ppoRun = folder.appendingPathComponent("ppo")
        let ppo = try DojoBinary.run(["train", "--agent", "ppo", "--steps", "1024", "--out", ppoRun.path, "--quiet"])
        #expect(ppo.status == 0, "\(ppo.stderr)")
        let ppoAgain = folder.appendingPathComponent("ppo-again")
        let fromConfig = try DojoBinary.run(["train", "--config", ppoRun.appendingPathComponent("config.json").path, "--out", ppoAgain.path, "--json"])
        #expect(fromConfig.status == 0, "\(fromConfig.stderr)")
        #expect(fromConfig.stdout.contains(#""agent":"ppo""#), "\(fromConfig.stdout)")
        #expect(try Data(contentsOf: ppoAgain.appendingPathComponent("final.safetensors")) == Data(contentsOf: ppoRun.appendingPathComponent("final.safetensors")))

        // --out into a folder that holds anything is refused, and the file stays.
        let occupied = folder.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: occupied.appendingPathComponent("notes.txt"))
        let intoOccupied = try DojoBinary.run(["train", "--steps", "1000", "--out", occupied.path])
        #expect(intoOccupied.status != 0 && intoOccupied.stderr.contains("notes.txt"), "\(intoOccupied.stderr)")
        #expect(try String(contentsOf: occupied.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: occupied.path) == ["notes.txt"])

        try Data(#"{"learnig_rate": 0.001}"#.utf8).write(to: settings)
        let refused = try DojoBinary.run(["train", "--config", settings.path, "--out", folder.appendingPathComponent("third").path])
        #expect(refused.status != 0 && refused.stderr.contains("did you mean 'learning_rate'?"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("third").path))
    }

    /// `train --options` makes the environment and records the options in `config.json` and
    /// the checkpoints, so `eval`, `watch` and `export` rebuild the same environment.
    @Test func environmentOptionsTravelWithTheRun() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run")
        let options = #"{"is_slippery": false}"#
        let trained = try DojoBinary.run([
            "train", "--env", "FrozenLake-v1", "--options", options, "--steps", "6000", "--set", "exploration_fraction=0.5", "--seed", "1",
            "--out", run.path, "--quiet",
        ])
        #expect(trained.status == 0, "\(trained.stderr)")
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("config.json"))) as? [String: Any]
        #expect((config?["env_options"] as? [String: Any])?["is_slippery"] as? Bool == false)
        let checkpoint = run.appendingPathComponent("final.safetensors").path
        #expect(try TensorBytes.metadata(URL(fileURLWithPath: checkpoint))["env_options"] == #"{"is_slippery":false}"#)
        // On the map without slips a greedy policy plays the same episode every time.
        let own = try DojoBinary.json(["eval", "--checkpoint", checkpoint, "--episodes", "20", "--json"]) as? [String: Any]
        #expect(own?["std_return"] as? Double == 0 && own?["success_rate"] is Double, "\(String(describing: own))")
        let slippery = try DojoBinary.json([
            "eval", "--checkpoint", checkpoint, "--options", #"{"is_slippery": true, "observation": "index"}"#, "--episodes", "5", "--json",
        ]) as? [String: Any]
        #expect(slippery?["episodes"] as? Int == 5)
        let gif = folder.appendingPathComponent("episode.gif")
        let shown = try DojoBinary.run(["eval", "--checkpoint", checkpoint, "--episodes", "3", "--render", "gif:\(gif.path)"])
        #expect(shown.status == 0 && FileManager.default.fileExists(atPath: gif.path), "\(shown.stderr)")
        let refused = try DojoBinary.run(["train", "--env", "FrozenLake-v1", "--options", #"{"slippery": false}"#, "--out", folder.appendingPathComponent("bad").path])
        #expect(refused.status != 0 && refused.stderr.contains("slippery"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad").path))
    }

    /// A learning rate that blows up: training stops at the first gradient steps whose loss is
    /// not finite, names the step and the quantity, exits non-zero and writes no final policy.
    /// DQN writes a checkpoint before its first update (learning starts at 1,000 steps), which
    /// stays and still evaluates; a checkpoint holding NaN is refused by eval.
    @Test func divergingPPOStopsWithoutAFinalPolicy() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run")
        let output = try DojoBinary.run(["train", "--agent", "ppo", "--steps", "20000", "--set", "learning_rate=1e30", "--out", run.path, "--quiet"])
        #expect(output.status != 0 && output.stderr.contains("training stopped at step 256: the loss became NaN or infinite"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("final.safetensors").path))
    }

    @Test func divergingDQNStopsAndKeepsTheLastGoodCheckpoint() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run")
        let output = try DojoBinary.run([
            "train", "--agent", "dqn", "--steps", "20000", "--set", "learning_rate=1e30", "--set", "checkpoint_freq=256", "--out", run.path, "--quiet",
        ])
        #expect(output.status != 0, "\(output.stdout)")
        #expect(output.stderr.contains("training stopped at step 1004: the loss became NaN or infinite"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("final.safetensors").path))
        let latest = run.appendingPathComponent("checkpoints/latest.safetensors")
        let evaluation = try DojoBinary.run(["eval", "--checkpoint", latest.path, "--episodes", "2"])
        #expect(evaluation.status == 0, "the last good checkpoint still evaluates: \(evaluation.stderr)")

        var broken = try Data(contentsOf: latest)
        broken.replaceSubrange(broken.count - 4..<broken.count, with: [0x00, 0x00, 0xC0, 0x7F])
        let nan = folder.appendingPathComponent("nan.safetensors")
        try broken.write(to: nan)
        let refused = try DojoBinary.run(["eval", "--checkpoint", nan.path])
        #expect(refused.status != 0 && refused.stderr.contains("holds NaN or infinite values"), "\(refused.stderr)")
    }

    @Test func watchPlaysACheckpointsGreedyPolicy() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("run").path
        let trained = try DojoBinary.run(["train", "--env", "CartPole-v1", "--agent", "dqn", "--steps", "2000", "--out", out])
        #expect(trained.status == 0, "\(trained.stderr)")
        let checkpoint = "\(out)/final.safetensors"
        let gif = folder.appendingPathComponent("episode.gif").path
        let watched = try DojoBinary.run(["watch", "--checkpoint", checkpoint, "--record", gif])
        #expect(watched.status == 0 && watched.stdout.contains("returns ["), "\(watched.stderr)")
        // The greedy policy is deterministic: the same seed gives the same return as dojo eval.
        let evaluation = try DojoBinary.json(["eval", "--checkpoint", checkpoint, "--episodes", "1", "--json"]) as? [String: Any]
        let mean = try #require(evaluation?["mean_return"] as? Double)
        #expect(watched.stdout.contains("returns [\(mean)]"), "\(watched.stdout) vs \(mean)")
        let mismatched = try DojoBinary.run(["watch", "--checkpoint", checkpoint, "--env", "FrozenLake-v1", "--render", "ansi"])
        #expect(mismatched.status != 0 && mismatched.stderr.contains("trained on CartPole-v1"), "\(mismatched.stderr)")
    }
}
