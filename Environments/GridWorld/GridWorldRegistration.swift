import Dojo

extension EnvironmentRegistry {
    /// Registers the grid-world family: `FrozenLake-v1`, `FrozenLake8x8-v1`, `GridWorld-v0`,
    /// `GridWorldMaze-v0` and `MemoryCorridor-v0`.
    ///
    /// The grid-world ids take every option of `GridWorldOptions`; their registered options
    /// are defaults the caller may override (`map_name`, `is_slippery`, `observation`, ...).
    public mutating func registerGridWorlds() {
        let makeGridWorld: @Sendable (Options) throws(EnvironmentError) -> any Environment = { options throws(EnvironmentError) in
            try GridWorldOptions(options: options).makeEnvironment()
        }
        register(EnvironmentSpec(
            id: "FrozenLake-v1", maxEpisodeSteps: 100, rewardThreshold: 0.70, defaultOptions: ["map_name": "4x4"],
            summary: "Cross a slippery 4x4 frozen lake to the goal without falling in a hole (Gymnasium's FrozenLake-v1).",
            entryPoint: makeGridWorld))
        register(EnvironmentSpec(
            id: "FrozenLake8x8-v1", maxEpisodeSteps: 200, rewardThreshold: 0.85, defaultOptions: ["map_name": "8x8"],
            summary: "Cross a slippery 8x8 frozen lake (Gymnasium's FrozenLake8x8-v1).",
            entryPoint: makeGridWorld))
        register(EnvironmentSpec(
            id: "GridWorld-v0", maxEpisodeSteps: 200, defaultOptions: ["map_name": "random", "is_slippery": false],
            summary: "A grid world on a random 8x8 map, or any map given by map, map_file or map_name.",
            entryPoint: makeGridWorld))
        register(EnvironmentSpec(
            id: "GridWorldMaze-v0", maxEpisodeSteps: 100, defaultOptions: ["map_name": "maze7x7", "is_slippery": false, "step_reward": -0.01],
            summary: "Find the way through a 7x7 maze with walls and holes; -0.01 per step.",
            entryPoint: makeGridWorld))
        register(EnvironmentSpec(
            id: "MemoryCorridor-v0", maxEpisodeSteps: 30,
            summary: "Remember a cue seen at the first step to choose the right end of a T-maze.",
            entryPoint: { options throws(EnvironmentError) in try MemoryCorridor(options: options) }))
    }
}
