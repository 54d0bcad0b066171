import Dojo
import Foundation

/// An agent's settings: a Codable value with Stable-Baselines3's snake_case names, read from
/// JSON (a config file, a checkpoint's `hyperparameters`) and from `name=value` settings
/// (`dojo train --set`), with an error naming any unknown name or ill-typed value.
public protocol AgentConfiguration: Codable {
    /// Every setting's name.
    static var fieldNames: [String] { get }
    /// The defaults every partial JSON fills in.
    init()
}

extension AgentConfiguration {
    /// The configuration as a JSON object with the snake_case names (the checkpoint's
    /// `hyperparameters`).
    public var jsonValue: JSONValue {
        guard let data = try? configurationEncoder().encode(self), let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            preconditionFailure("expected an agent configuration to encode as JSON")
        }
        return value
    }

    /// Reads a configuration from a JSON object; fields it omits keep their values in `base`.
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` for an unknown name or a
    ///   value of the wrong type.
    public init(json: JSONValue, base: Self = Self()) throws(AgentError) {
        guard let overrides = json.objectValue else {
            throw .invalidConfiguration(field: "(configuration)", reason: "expected a JSON object, got \(json.kindDescription)")
        }
        self = try base.applying(overrides)
    }

    /// This configuration with `name=value` settings applied, as `--set` passes them: the value
    /// is read as JSON (`0.001`, `true`, `[256,256]`), or as a string when it is not JSON (`relu`).
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` for a malformed setting,
    ///   an unknown name, or a value of the wrong type.
    public func setting(_ assignments: [String]) throws(AgentError) -> Self {
        var overrides: [String: JSONValue] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw .invalidConfiguration(field: assignment, reason: "expected name=value")
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            overrides[name] = (try? JSONValue(parsing: text)) ?? .string(text)
        }
        return try applying(overrides)
    }

    private func applying(_ overrides: [String: JSONValue]) throws(AgentError) -> Self {
        guard var fields = jsonValue.objectValue else { preconditionFailure("expected the configuration to encode as an object") }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard Self.fieldNames.contains(name) else {
                let suggestion = closestName(to: name, among: Self.fieldNames).map { "did you mean '\($0)'? " } ?? ""
                throw .invalidConfiguration(
                    field: name, reason: "no such setting; \(suggestion)the settings are \(Self.fieldNames.joined(separator: ", "))")
            }
            fields[name] = value
            do {
                let data = try JSONEncoder().encode(JSONValue.object(fields))
                _ = try configurationDecoder().decode(Self.self, from: data)
            } catch {
                throw .invalidConfiguration(field: name, reason: "cannot use \(value.jsonText) (\(Self.typeDescription(of: error)))")
            }
        }
        do {
            return try configurationDecoder().decode(Self.self, from: JSONEncoder().encode(JSONValue.object(fields)))
        } catch {
            throw .invalidConfiguration(field: "(configuration)", reason: (error as? DecodingError)?.summary ?? "\(error)")
        }
    }

    private static func typeDescription(of error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(let type, _): "expected \(type)"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        default: "\(error)"
        }
    }
}

/// Infinite settings (A2C's clip range: no clipping) are the strings `inf` and `-inf` in JSON,
/// as ``JSONValue`` writes them.
private func configurationEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
}

private func configurationDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
}
