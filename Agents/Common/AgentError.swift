import Dojo
import NeuralCore

/// Why an agent could not train, evaluate, or load: each case names what was wrong and where,
/// for a person reading a command's error.
public enum AgentError: Error, CustomStringConvertible, Equatable {
    /// The environment's action space is not finite, so a discrete-action learner cannot act in it.
    case unsupportedActionSpace(environment: String, space: String)
    /// A configuration field has a value outside its range, or a `--set` names no field.
    case invalidConfiguration(field: String, reason: String)
    /// A checkpoint file is missing something the policy needs, or holds the wrong thing.
    case invalidCheckpoint(path: String, reason: String)
    /// The environment refused a reset.
    case environment(EnvironmentError)
    /// Reading or writing a file failed.
    case file(path: String, reason: String)
    /// Training diverged: `quantity` (the loss, or one of its terms) became NaN or infinite
    /// in the gradient steps that ended at `timesteps`.
    case nonFinite(quantity: String, timesteps: Int)

    public var description: String {
        switch self {
        case .unsupportedActionSpace(let environment, let space):
            "\(environment): the action space \(space) is not discrete; this agent needs a finite number of actions"
        case .invalidConfiguration(let field, let reason):
            "configuration field '\(field)': \(reason)"
        case .invalidCheckpoint(let path, let reason):
            "checkpoint \(path): \(reason)"
        case .environment(let error):
            "\(error)"
        case .file(let path, let reason):
            "\(path): \(reason)"
        case .nonFinite(let quantity, let timesteps):
            "training stopped at step \(timesteps): the \(quantity) became NaN or infinite (a learning rate too large?); "
                + "the run folder keeps its last good checkpoints"
        }
    }
}
