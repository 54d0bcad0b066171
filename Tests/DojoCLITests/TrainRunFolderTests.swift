import Foundation
import TestSupport
import Testing

/// `dojo train`'s run folder and seed groups end to end, through the built tool: the files a
/// run leaves, opened by real viewers and decoders, and `--seeds` runs that end exactly as
/// single runs of the same seeds.
@Suite struct TrainRunFolderTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let viewersAvailable = PythonRunner.shouldRun(importing: ["PIL", "safetensors"])
        && ["rsvg-convert", "convert"].allSatisfy { tool in
            ProcessInfo.processInfo.environment["DOJO_REQUIRE_PYTHON"] == "1"
                || (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                    FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
                }
        }

    /// A tiny run's CSV columns, its SVG (parsed, with a curve path, and rasterised by librsvg
    /// with coloured pixels where the curves are), its GIF (Pillow reads the header, size and
    /// frames; ImageMagick coalesces a frame with the cart's dark pixels in it) and its
    /// checkpoint (the safetensors package opens it).
    @Test(.enabled(if: viewersAvailable, "needs rsvg-convert, ImageMagick and Python with Pillow and safetensors; CI installs them"))
    func runFolderFilesOpenInRealViewers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run")
        let output = try DojoBinary.run([
            "train", "--seed", "2", "--steps", "3000", "--eval-every", "1000", "--eval-episodes", "3", "--out", run.path,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let progress = try String(contentsOf: run.appendingPathComponent("progress.csv"), encoding: .utf8).split(separator: "\n")
        #expect(progress.first == "timesteps,episodes,mean_return_100,loss,policy_loss,value_loss,entropy,learning_rate,epsilon,steps_per_second" && progress.count == 4)
        let evaluations = try String(contentsOf: run.appendingPathComponent("eval.csv"), encoding: .utf8).split(separator: "\n")
        #expect(evaluations.first == "timesteps,episodes,mean_return,std_return,mean_length,success_rate")
        #expect(evaluations.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == ["1000,3", "2000,3", "3000,3"])

        let svg = try String(contentsOf: run.appendingPathComponent("learning_curve.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "class=\"curve\"").count == 3, "a training and an evaluation curve")
        #expect(svg.contains(">environment steps<") && svg.contains(">return<"))

        let script = try String(
            contentsOf: PythonRunner.packageRoot.appendingPathComponent("Tests/DojoCLITests/Scripts/check_run_pictures.py"), encoding: .utf8)
        let scratch = folder.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let (status, text) = try PythonRunner.run(script, arguments: [run.path, scratch.path])
        #expect(status == 0, "\(text)")
        let report = try JSONSerialization.jsonObject(with: Data((text.split(separator: "\n").last ?? "").utf8)) as? [String: Any]
        #expect(report?["svg_size"] as? [Int] == [800, 480])
        #expect((report?["curve_pixels"] as? Int ?? 0) > 500, "\(text)")
        #expect(report?["gif_format"] as? String == "GIF" && report?["gif_size"] as? [Int] == [600, 400])
        #expect((2...501).contains(report?["gif_frames"] as? Int ?? 0), "one frame per step and the reset: \(text)")
        #expect((report?["cart_pixels"] as? Int ?? 0) > 1_200, "the cart and the track: \(text)")
        #expect((report?["tensors"] as? [String])?.contains("q_net.0.weight") == true)
    }

    /// The run folder's TensorBoard event file, read back by the `tensorboard` package's own
    /// reader: CleanRL's tags, one `charts/episodic_return` per finished episode with the
    /// returns the run counted, and the losses each agent has.
    @Test(
        .enabled(if: PythonRunner.shouldRun(importing: ["tensorboard"]), "needs Python with tensorboard (Tests/requirements.txt)"),
        arguments: [("dqn", ["losses/td_loss"]), ("ppo", ["losses/policy_loss", "losses/value_loss", "losses/entropy"])])
    func tensorBoardReadsTheRunsScalars(agent: String, losses: [String]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run")
        let output = try DojoBinary.run(["train", "--agent", agent, "--seed", "1", "--steps", "3000", "--out", run.path, "--quiet"])
        #expect(output.status == 0, "\(output.stderr)")
        let script = try String(
            contentsOf: PythonRunner.packageRoot.appendingPathComponent("Tests/TensorBoardTests/Scripts/read_events.py"), encoding: .utf8)
        let (status, text) = try PythonRunner.run(script, arguments: [run.path])
        #expect(status == 0, "\(text)")
        let report = try JSONSerialization.jsonObject(with: Data((text.split(separator: "\n").last ?? "").utf8)) as? [String: Any]
        let scalars = report?["scalars"] as? [String: [[Double]]] ?? [:]
        for tag in ["charts/episodic_return", "charts/SPS", "charts/learning_rate"] + losses {
            #expect(!(scalars[tag] ?? []).isEmpty, "\(tag) in \(scalars.keys.sorted())")
        }
        let rows = try String(contentsOf: run.appendingPathComponent("progress.csv"), encoding: .utf8).split(separator: "\n")
        let lastRow = rows.last?.split(separator: ",", omittingEmptySubsequences: false) ?? []
        let episodes = scalars["charts/episodic_return"] ?? []
        #expect(episodes.count == Int(lastRow.count > 1 ? lastRow[1] : "") , "one scalar per finished episode")
        let lastHundred = episodes.suffix(100).map { $0[1] }
        let meanReturn = Double(lastRow.count > 2 ? lastRow[2] : "") ?? -1
        #expect(abs(lastHundred.reduce(0, +) / Double(max(lastHundred.count, 1)) - meanReturn) < 1e-3, "the same returns as progress.csv")
        #expect(scalars["charts/SPS"]?.map { Int($0[0]) } == rows.dropFirst().map { Int($0.prefix { $0 != "," }) ?? -1 })
    }

    /// On a terminal the progress is one live line, redrawn in place: a bar, steps done of the
    /// total, steps per second, episodes, the recent mean return and the time left.
    @Test func terminalShowsALiveProgressLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try PseudoTerminal(arguments: [
            "train", "--seed", "1", "--steps", "3000", "--set", "metrics_interval=500", "--out", folder.appendingPathComponent("run").path,
        ])
        #expect(terminal.read(until: "wrote "))
        #expect(terminal.waitForExit() == 0)
        let redraws = terminal.transcript.components(separatedBy: "\r\u{1B}[2K").dropFirst()
        #expect(redraws.count == 6, "one redraw per metrics row: \(terminal.transcript)")
        let last = try #require(redraws.last)
        #expect(last.hasPrefix("[####################] 3000/3000 steps"), "\(last)")
        for part in ["steps/s", "episodes ", "mean return ", "ETA "] { #expect(last.contains(part), "\(part) in \(last)") }
        #expect(!terminal.transcript.contains("\nsteps 500 "), "no plain lines on a terminal")
    }

    /// `--seeds 1-3` writes three run folders, `summary.json` and a band plot; each seed's
    /// final weights equal a single run's with that seed.
    @Test func seedsRunEachSeedAsASingleRunWould() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let group = folder.appendingPathComponent("group")
        let budget = ["--steps", "2500", "--agent", "ppo", "--eval-every", "500", "--eval-episodes", "3"]
        let summary = try DojoBinary.json(["train", "--seeds", "1-3", "--threads", "2", "--out", group.path, "--json"] + budget) as? [String: Any]
        let seeds = summary?["seeds"] as? [[String: Any]] ?? []
        #expect(seeds.map { $0["seed"] as? Int } == [1, 2, 3])
        #expect(summary?["env"] as? String == "CartPole-v1" && summary?["agent"] as? String == "ppo" && summary?["reward_threshold"] as? Double == 475)
        let finals = seeds.compactMap { $0["final_mean_return"] as? Double }
        #expect(finals.count == 3)
        let mean = finals.reduce(0, +) / 3
        #expect(abs((summary?["mean_final_return"] as? Double ?? -1) - mean) < 1e-9)
        let deviation = (finals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        #expect(abs((summary?["std_final_return"] as? Double ?? -1) - deviation) < 1e-9)
        #expect(FileManager.default.fileExists(atPath: group.appendingPathComponent("summary.json").path))
        let bandPlot = try String(contentsOf: group.appendingPathComponent("learning_curve.svg"), encoding: .utf8)
        #expect(bandPlot.contains("class=\"band\"") && bandPlot.contains("class=\"curve\"") && bandPlot.contains("over 3 runs"))

        for seed in 1...3 {
            let single = folder.appendingPathComponent("single-\(seed)")
            let output = try DojoBinary.run(["train", "--seed", "\(seed)", "--out", single.path, "--quiet"] + budget)
            #expect(output.status == 0, "\(output.stderr)")
            let alone = try Data(contentsOf: single.appendingPathComponent("final.safetensors"))
            #expect(try Data(contentsOf: group.appendingPathComponent("seed-\(seed)/final.safetensors")) == alone, "seed \(seed)")
            let deterministic = { (url: URL) throws -> [String] in
                try String(contentsOf: url.appendingPathComponent("progress.csv"), encoding: .utf8).split(separator: "\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
                }
            }
            #expect(try deterministic(single) == deterministic(group.appendingPathComponent("seed-\(seed)")))
        }

        let table = try DojoBinary.run(["train", "--seeds", "4,5", "--out", folder.appendingPathComponent("table").path] + budget)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("seed   final return") && table.stdout.contains("(over 2 seeds)"), "\(table.stdout)")
        let again = try DojoBinary.run(["train", "--seeds", "1-3", "--out", group.path] + budget)
        #expect(again.status != 0 && again.stderr.contains("already holds a run"), "\(again.stderr)")

        // dojo plot takes the group folder (its seeds) and a lone run of the same env and agent.
        let plotted = folder.appendingPathComponent("plot.svg")
        let plot = try DojoBinary.run(["plot", group.path, folder.appendingPathComponent("single-1").path, "--metric", "eval", "--out", plotted.path])
        #expect(plot.status == 0 && plot.stdout.contains("4 run(s) in 1 curve(s)"), "\(plot.stdout)\(plot.stderr)")
        let svg = try String(contentsOf: plotted, encoding: .utf8)
        #expect(svg.contains("class=\"band\"") && svg.contains("over 4 runs") && svg.contains(">evaluation return<"))
        let notARun = try DojoBinary.run(["plot", folder.path, "--out", plotted.path])
        #expect(notARun.status != 0 && notARun.stderr.contains("no config.json"), "\(notARun.stderr)")
        #expect(try String(contentsOf: plotted, encoding: .utf8) == svg, "a failed plot leaves the old file")
    }

    /// SIGINT mid-run: exit status 130 and a resumable latest checkpoint; `--resume` then ends
    /// with the weights of a run that was never interrupted. Only the signal's arrival before
    /// the 100,000-step run ends matters, not when.
    @Test func interruptedRunResumesToTheUninterruptedWeights() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (stopped, whole) = (folder.appendingPathComponent("stopped"), folder.appendingPathComponent("whole"))
        let arguments = ["train", "--agent", "ppo", "--preset", "zoo", "--seed", "3", "--set", "metrics_interval=256"]

        let (process, _, message) = try DojoBinary.signal(arguments + ["--out", stopped.path], with: SIGINT, after: "steps 2048")
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.contains("interrupted at") && message.contains("dojo train --resume \(stopped.path)"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: stopped.appendingPathComponent("final.safetensors").path))

        let resumed = try DojoBinary.run(["train", "--resume", stopped.path, "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let uninterrupted = try DojoBinary.run(arguments + ["--out", whole.path, "--quiet"])
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        let expected = try Data(contentsOf: whole.appendingPathComponent("final.safetensors"))
        #expect(try Data(contentsOf: stopped.appendingPathComponent("final.safetensors")) == expected)
    }
}
