#if SDL
import CSDL2

/// A failure inside SDL, carrying `SDL_GetError()`'s text and the call that failed.
public struct SDLError: Error, CustomStringConvertible, Sendable {
    /// The SDL call that failed, e.g. `SDL_CreateWindow`.
    public let operation: String
    /// SDL's own explanation, from `SDL_GetError()`.
    public let message: String

    /// Captures SDL's current error text for `operation`.
    init(_ operation: String) {
        self.operation = operation
        message = String(cString: SDL_GetError())
    }

    public var description: String {
        "\(operation) failed: \(message.isEmpty ? "no reason given by SDL" : message)"
    }
}
#endif
