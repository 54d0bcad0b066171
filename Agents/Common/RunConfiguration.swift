import Dojo
import Foundation

/// What a run's `config.json` records: every resolved setting, the environment, the agent, the
/// seed, Dojo's version and the machine, so a result can be reproduced and traced.
public struct RunConfiguration: Sendable, Equatable {
    /// Dojo's version (`dojo_version`).
    public var dojoVersion = DojoVersion.current
    /// The machine that trained (`machine`): operating system, architecture, processors, memory.
    public var machine = RunConfiguration.currentMachine
    /// The registered environment id (`env`).
    public var environmentID: String
    /// The options the environment was made with (`env_options`).
    public var environmentOptions: Options
    /// The agent's name (`agent`).
    public var agent: String
    /// The seed of every random draw in the run (`seed`).
    public var seed: UInt64
    /// Every setting the agent trained with, under Stable-Baselines3's names (`hyperparameters`).
    public var hyperparameters: JSONValue

    /// The configuration of a run whose checkpoints carry `metadata`.
    public init(metadata: CheckpointMetadata, seed: UInt64) {
        environmentID = metadata.environmentID
        environmentOptions = metadata.environmentOptions
        agent = metadata.agent
        self.seed = seed
        hyperparameters = metadata.hyperparameters
    }

    /// The `config.json` object.
    public var jsonValue: JSONValue {
        [
            "dojo_version": .string(dojoVersion), "machine": machine, "env": .string(environmentID), "env_options": .object(environmentOptions), "agent": .string(agent),
            "seed": .number(Double(seed)), "hyperparameters": hyperparameters,
        ]
    }

    /// The machine this process runs on.
    public static var currentMachine: JSONValue {
        let process = ProcessInfo.processInfo
        return [
            "os": .string(process.operatingSystemVersionString), "architecture": .string(architecture),
            "processors": .number(Double(process.activeProcessorCount)),
            "memory_bytes": .number(Double(process.physicalMemory)),
        ]
    }

    private static var architecture: String {
        #if arch(x86_64)
            "x86_64"
        #elseif arch(arm64)
            "arm64"
        #else
            "unknown"
        #endif
    }
}
