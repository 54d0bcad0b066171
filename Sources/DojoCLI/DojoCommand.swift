import ArgumentParser
import Dojo

/// The `dojo` command: train, evaluate, watch and inspect reinforcement-learning agents.
@main
struct DojoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dojo",
        abstract: "Reinforcement learning in Swift: environments, agents, and tools to run them.",
        version: DojoVersion.current,
        subcommands: [DemoCommand.self, TrainCommand.self, EvalCommand.self, ListCommand.self, InspectCommand.self, RolloutCommand.self, PlayCommand.self, WatchCommand.self, PlotCommand.self, ExportCommand.self, ArenaCommand.self, BenchCommand.self]
    )
}
