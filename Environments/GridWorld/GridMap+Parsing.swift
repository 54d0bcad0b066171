import Foundation

extension GridMap {
    /// Reads a map written in the text format (see `GridMap`).
    ///
    /// - Parameters:
    ///   - text: the rows, one per line.
    ///   - path: the file the text came from, named in errors; `nil` for text given directly.
    /// - Throws: `GridMapError` for an unknown character, a ragged row, a missing start or
    ///   goal, a start with no path to a goal, or more than ``maximumSide`` rows or columns,
    ///   naming the line and column.
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
        let height = last - first + 1
        guard width <= Self.maximumSide, height <= Self.maximumSide else {
            let line = height > Self.maximumSide ? first + Self.maximumSide + 1 : first + 1
            throw GridMapError(.tooManyCells(rows: height, columns: width), path: path, line: line, column: min(width, Self.maximumSide + 1))
        }
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
    /// At most ``maximumFileBytes`` plus one are read, so a huge file, or an endless one such
    /// as `/dev/zero`, is refused without reading it whole.
    ///
    /// - Throws: `GridMapError` naming `path` when the file does not exist, cannot be read,
    ///   is longer than ``maximumFileBytes`` or is not UTF-8 text, and naming `path`, line and
    ///   column when its map is malformed.
    public init(contentsOfFile path: String) throws(GridMapError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw GridMapError(.fileNotFound, path: path)
        }
        let bytes = try Self.readPrefix(ofFile: path, upTo: Self.maximumFileBytes + 1)
        guard bytes.count <= Self.maximumFileBytes else { throw GridMapError(.fileTooLarge, path: path) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GridMapError(.unreadableFile("not valid UTF-8"), path: path)
        }
        try self.init(text: text, path: path)
    }

    /// The file's first `limit` bytes (all of a shorter file), read with POSIX calls so a read
    /// failure gives the system's reason ("Is a directory").
    private static func readPrefix(ofFile path: String, upTo limit: Int) throws(GridMapError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw GridMapError(.unreadableFile(String(cString: strerror(errno))), path: path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { buffer in Glibc.read(descriptor, buffer.baseAddress, wanted) }
            if count == 0 { break }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw GridMapError(.unreadableFile(String(cString: strerror(errno))), path: path)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        return bytes
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
