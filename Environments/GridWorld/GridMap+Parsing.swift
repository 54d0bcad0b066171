import Foundation

extension GridMap {
    /// Reads a map written in the text format (see `GridMap`).
    ///
    /// - Parameters:
    ///   - text: the rows, one per line.
    ///   - path: the file the text came from, named in errors; `nil` for text given directly.
    /// - Throws: `GridMapError` for an unknown character, a ragged row, a missing start or
    ///   goal, or a start with no path to a goal, naming the line and column.
    /// - Complexity: O(n) in the number of cells.
    public init(text: String, path: String? = nil) throws(GridMapError) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { line in
                var line = line
                while let last = line.last, last == " " || last == "\t" { line.removeLast() }
                return line
            }
        guard let first = lines.firstIndex(where: { !$0.isEmpty }),
              let last = lines.lastIndex(where: { !$0.isEmpty })
        else {
            throw GridMapError(.empty, path: path)
        }
        let width = lines[first].count
        var tiles: [GridTile] = []
        tiles.reserveCapacity(width * (last - first + 1))
        for index in first...last {
            let line = lines[index]
            var column = 0
            for character in line {
                column += 1
                guard let tile = GridTile(symbol: character) else {
                    throw GridMapError(.unknownCharacter(character), path: path, line: index + 1, column: column)
                }
                guard column <= width else {
                    throw GridMapError(.raggedRow(expected: width, found: line.count), path: path, line: index + 1, column: column)
                }
                tiles.append(tile)
            }
            guard column == width else {
                throw GridMapError(.raggedRow(expected: width, found: column), path: path, line: index + 1, column: column + 1)
            }
        }
        self.init(rows: last - first + 1, columns: width, tiles: tiles)
        try validate(path: path, firstLine: first + 1)
    }

    /// Reads a map given as one string per row, as Gymnasium's `desc` argument.
    ///
    /// - Throws: `GridMapError` as `init(text:path:)`, with line `i + 1` for row `i`.
    public init(rows: [String]) throws(GridMapError) {
        try self.init(text: rows.joined(separator: "\n"))
    }

    /// Reads a map file in the text format.
    ///
    /// - Throws: `GridMapError` naming `path` when the file does not exist or cannot be read,
    ///   and naming `path`, line and column when its map is malformed.
    public init(contentsOfFile path: String) throws(GridMapError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw GridMapError(.fileNotFound, path: path)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw GridMapError(.unreadableFile(error.localizedDescription), path: path)
        }
        try self.init(text: text, path: path)
    }

    /// Checks that the map has a start and a goal and that every start reaches a goal.
    private func validate(path: String?, firstLine: Int) throws(GridMapError) {
        guard !starts.isEmpty else { throw GridMapError(.noStart, path: path) }
        guard tiles.contains(.goal) else { throw GridMapError(.noGoal, path: path) }
        for start in starts where !hasPathToGoal(from: start) {
            let (row, column) = position(of: start)
            throw GridMapError(.unreachableGoal, path: path, line: firstLine + row, column: column + 1)
        }
    }

    /// Whether some goal can be reached from `cell` by four-neighbour moves that avoid holes
    /// and walls (ignoring slips).
    ///
    /// - Complexity: O(n) in the number of cells.
    public func hasPathToGoal(from cell: Int) -> Bool {
        var visited = [Bool](repeating: false, count: cellCount)
        var frontier = [cell]
        visited[cell] = true
        while let current = frontier.popLast() {
            if tiles[current] == .goal { return true }
            guard tiles[current] != .hole else { continue }
            for direction in GridDirection.allCases {
                let next = self.cell(from: current, moving: direction)
                if !visited[next] {
                    visited[next] = true
                    frontier.append(next)
                }
            }
        }
        return false
    }
}
