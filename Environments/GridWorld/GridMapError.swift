/// A map that could not be read: what was wrong and where, as `file:line:column: message`.
///
/// Lines and columns count from 1 over the text as given (blank lines included), so the
/// position points into the file a person edits.
public struct GridMapError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong with the map.
    public enum Reason: Equatable, Sendable {
        /// A character outside the format, found at the error's position.
        case unknownCharacter(Character)
        /// A row whose length differs from the first row's; the position is where it differs.
        case raggedRow(expected: Int, found: Int)
        /// The text holds no rows.
        case empty
        /// No `S` anywhere in the map.
        case noStart
        /// No `G` anywhere in the map.
        case noGoal
        /// No path avoiding holes and walls leads from the start at the error's position to a goal.
        case unreachableGoal
        /// The map file does not exist.
        case fileNotFound
        /// The map file exists but could not be read as UTF-8 text.
        case unreadableFile(String)
        /// More rows or columns than `GridMap.maximumSide`; the position is where the limit
        /// was passed.
        case tooManyCells(rows: Int, columns: Int)
        /// A map file longer than `GridMap.maximumFileBytes`.
        case fileTooLarge
    }

    /// What was wrong.
    public var reason: Reason
    /// The map file, or `nil` for a map given as text.
    public var path: String?
    /// The line (from 1), when the problem has a place.
    public var line: Int?
    /// The column (from 1), when the problem has a place.
    public var column: Int?

    /// Creates an error.
    public init(_ reason: Reason, path: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        var place = path ?? "map"
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }

    private var message: String {
        switch reason {
        case .unknownCharacter(let character):
            "unknown character \(String(character).debugDescription); expected one of S F . H G #"
        case let .raggedRow(expected, found):
            "ragged row: expected \(expected) cells like the first row, got \(found)"
        case .empty:
            "empty map; expected at least one row of S F . H G # characters"
        case .noStart:
            "no start; expected an `S` cell"
        case .noGoal:
            "no goal; expected a `G` cell"
        case .unreachableGoal:
            "goal unreachable: no path from this start to a `G` avoids holes and walls"
        case .fileNotFound:
            "no such map file"
        case .unreadableFile(let reason):
            "could not read the map file as UTF-8 text: \(reason)"
        case let .tooManyCells(rows, columns):
            "map too large: \(rows) rows of \(columns) cells; expected at most \(GridMap.maximumSide) of each"
        case .fileTooLarge:
            "map file too large: expected at most \(GridMap.maximumFileBytes) bytes"
        }
    }
}
