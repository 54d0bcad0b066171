import ArgumentParser
import Foundation
import Rendering

/// `dojo plot`: learning curves of several runs in one SVG, runs of the same environment and
/// agent drawn as their mean with a min–max band.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot the learning curves of runs (run folders or --seeds group folders) as SVG.",
        discussion: """
            Each RUN_DIR is a run folder written by dojo train, or a group folder of dojo train \
            --seeds (its seed-N runs). Runs of the same environment and agent are drawn as the \
            mean with a min–max band over the steps they share; a lone run as its own line. \
            --metric train draws the mean return of the last 100 training episodes \
            (progress.csv), eval the periodic evaluations (eval.csv), both (the default) the two.

            Example:
              dojo plot runs/CartPole-v1-ppo-seeds-1-5-20261202-101500 runs/CartPole-v1-dqn-seeds-1-5-20261202-103000 --out cartpole.svg
            """
    )

    @Argument(help: "Run folders or --seeds group folders.")
    var runs: [String]

    @Option(help: "The SVG file to write.")
    var out = "plot.svg"

    @Option(help: "Which returns to draw: train, eval or both.")
    var metric = "both"

    func validate() throws {
        guard !runs.isEmpty else { throw ValidationError("expected at least one RUN_DIR") }
        guard LearningCurves.Metric(rawValue: metric) != nil else { throw ValidationError("--metric: expected train, eval or both, got \(metric)") }
        guard out.lowercased().hasSuffix(".svg") else { throw ValidationError("--out: expected a path ending in .svg, got \(out)") }
    }

    func run() throws {
        let histories = try runs.flatMap(RunHistory.runFolders(at:)).map { try RunHistory(folder: $0) }
        let chart = LearningCurves.chart(of: histories, metric: LearningCurves.Metric(rawValue: metric) ?? .both)
        try chart.write(to: out)
        print("wrote \(out): \(histories.count) run(s) in \(chart.series.count) curve(s)")
    }
}
