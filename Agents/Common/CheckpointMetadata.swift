import Dojo
import Foundation
import NeuralCore

/// What a checkpoint's safetensors `__metadata__` says about the policy it holds, so the file
/// alone rebuilds it: the environment, the agent, the spaces, the network's architecture and
/// the hyperparameters, each a string entry (JSON text where structured).
public struct CheckpointMetadata: Sendable, Equatable {
    /// The registered environment id (`env_id`).
    public var environmentID: String
    /// The agent's name (`agent`), e.g. `dqn`.
    public var agent: String
    /// The observation space as JSON (`observation_space`).
    public var observationSpace: JSONValue
    /// The action space as JSON (`action_space`).
    public var actionSpace: JSONValue
    /// The network, as NeuralCore's architecture description (`architecture`).
    public var architecture: ModuleDescription
    /// The configuration the agent trained with (`hyperparameters`).
    public var hyperparameters: JSONValue
    /// Environment steps trained when the file was written (`timesteps`).
    public var timesteps: Int
    /// The options the environment was made with (`env_options`, written when there are any),
    /// so evaluation and `watch` rebuild the same environment.
    public var environmentOptions: Options = [:]

    /// Metadata with every entry given.
    public init(
        environmentID: String, agent: String, observationSpace: JSONValue, actionSpace: JSONValue,
        architecture: ModuleDescription, hyperparameters: JSONValue, timesteps: Int
    ) {
        self.environmentID = environmentID
        self.agent = agent
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.architecture = architecture
        self.hyperparameters = hyperparameters
        self.timesteps = timesteps
    }

    /// The entries as the `__metadata__` strings.
    public var entries: [String: String] {
        [
            "env_id": environmentID, "agent": agent, "observation_space": observationSpace.jsonText,
            "action_space": actionSpace.jsonText, architectureMetadataKey: architecture.jsonText,
            "hyperparameters": hyperparameters.jsonText, "timesteps": String(timesteps),
        ].merging(environmentOptions.isEmpty ? [:] : ["env_options": JSONValue.object(environmentOptions).jsonText]) { first, _ in first }
    }

    /// Reads the entries back from a file's `__metadata__`.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming a missing or malformed entry.
    public init(entries: [String: String], path: String) throws(AgentError) {
        func entry(_ key: String) throws(AgentError) -> String {
            guard let value = entries[key] else {
                throw .invalidCheckpoint(path: path, reason: "no '\(key)' entry in __metadata__; is this a Dojo agent checkpoint?")
            }
            return value
        }
        func json(_ key: String) throws(AgentError) -> JSONValue {
            do {
                return try JSONValue(parsing: try entry(key))
            } catch let error as JSONValue.ParseError {
                throw .invalidCheckpoint(path: path, reason: "'\(key)' in __metadata__: \(error)")
            } catch let error as AgentError {
                throw error
            } catch {
                throw .invalidCheckpoint(path: path, reason: "'\(key)' in __metadata__: \(error)")
            }
        }
        environmentID = try entry("env_id")
        agent = try entry("agent")
        observationSpace = try json("observation_space")
        actionSpace = try json("action_space")
        hyperparameters = try json("hyperparameters")
        guard let steps = Int(try entry("timesteps")) else {
            throw .invalidCheckpoint(path: path, reason: "'timesteps' in __metadata__ is not a whole number")
        }
        timesteps = steps
        if entries["env_options"] != nil {
            guard let options = try json("env_options").objectValue else {
                throw .invalidCheckpoint(path: path, reason: "'env_options' in __metadata__ is not a JSON object")
            }
            environmentOptions = options
        }
        do {
            architecture = try JSONDecoder().decode(ModuleDescription.self, from: Data(try entry(architectureMetadataKey).utf8))
        } catch let error as DecodingError {
            throw .invalidCheckpoint(path: path, reason: "'\(architectureMetadataKey)' in __metadata__: \(error.summary)")
        } catch let error as AgentError {
            throw error
        } catch {
            throw .invalidCheckpoint(path: path, reason: "'\(architectureMetadataKey)' in __metadata__: \(error)")
        }
    }
}

extension CheckpointMetadata {
    /// Checks that `environment` has the spaces the policy was trained on, so a policy is never
    /// run on observations of another shape. Spaces are compared as JSON text, the form the
    /// file keeps (infinite bounds are the strings `inf` and `-inf` there).
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming both spaces.
    public func requireSpaces<E: Environment>(of environment: E, environmentID: String, path: String) throws(AgentError) {
        for (name, expected, found) in [
            ("observation", observationSpace, environment.observationSpace.jsonDescription),
            ("action", actionSpace, environment.actionSpace.jsonDescription),
        ] where expected.jsonText != found.jsonText {
            throw .invalidCheckpoint(
                path: path,
                reason: "trained on \(self.environmentID) with the \(name) space \(expected.jsonText), but \(environmentID) has \(found.jsonText)")
        }
    }
}
