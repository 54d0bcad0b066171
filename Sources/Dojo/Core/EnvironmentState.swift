import Foundation

/// What changes as an environment runs (positions, step counters, its random generator), saved
/// so that a checkpoint resumes a run exactly where it stopped.
///
/// Each environment encodes a `Codable` value of its own; the JSON keeps every `Double` and
/// `UInt64` bit for bit. A wrapper nests its base's state inside its own.
public struct EnvironmentState: Codable, Equatable, Sendable {
    /// The JSON text of the environment's state value.
    public let json: String

    /// The state `value`, encoded.
    public init(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else {
            preconditionFailure("expected an environment's state to encode as JSON")
        }
        json = String(decoding: data, as: UTF8.self)
    }

    /// The state as `type`, for the environment named `environment`.
    ///
    /// - Throws: ``EnvironmentError/invalidState(environment:reason:)`` when the JSON is not a
    ///   state of that type (a checkpoint of another environment, or an edited file).
    public func decoded<Value: Decodable>(as type: Value.Type, environment: String) throws(EnvironmentError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw .invalidState(environment: environment, reason: "\(error)")
        }
    }
}
