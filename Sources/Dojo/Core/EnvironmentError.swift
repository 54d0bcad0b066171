/// An error from input given to an environment from outside the program: options, ids, map files.
public enum EnvironmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A reset or make option is unknown or has the wrong form.
    case invalidOption(name: String, message: String)
    /// No environment is registered under an id.
    case unknownID(String, suggestions: [String])
    /// An environment could not be built from its description (a map file, say).
    case invalidDefinition(String)
    /// A saved state cannot be restored: the environment cannot save one, or it belongs to
    /// another environment.
    case invalidState(environment: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidOption(name, message):
            return "option \(name.debugDescription): \(message)"
        case let .unknownID(id, suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "`\($0)`" }.joined(separator: " or "))?"
            return "no environment registered with id \(id.debugDescription)\(hint)"
        case let .invalidDefinition(message):
            return message
        case let .invalidState(environment, reason):
            return "state of \(environment): \(reason)"
        }
    }
}
