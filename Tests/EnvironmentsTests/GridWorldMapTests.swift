import Dojo
import Environments
import Foundation
import Testing

@Suite struct GridWorldMapTests {
    @Test func parsesGymnasiumMapsAndDotsAsFloor() throws {
        #expect(try GridMap(rows: ["SFFF", "FHFH", "FFFH", "HFFG"]) == GridMap.frozenLake4x4)
        #expect(try GridMap(text: "S...\n.H.H\n...H\nH..G\n") == GridMap.frozenLake4x4)
        #expect(try GridMap(text: GridMap.frozenLake8x8.text) == GridMap.frozenLake8x8)
        #expect(try GridMap(text: GridMap.maze7x7.text) == GridMap.maze7x7)
        let map = GridMap.frozenLake4x4
        #expect(map.rows == 4 && map.columns == 4 && map.starts == [0])
        #expect(map[1, 1] == .hole && map[3, 3] == .goal)
    }

    @Test func theDocumentedExampleIsValid() throws {
        let map = try GridMap(text: "S..#...\n.#.#.#.\n.#...#H\n...#..G\n")
        #expect(map.rows == 4 && map.columns == 7 && map.tiles.filter { $0 == .wall }.count == 7)
    }

    @Test func acceptsCRLFTrailingBlanksAndSurroundingBlankLines() throws {
        #expect(try GridMap(text: "\r\n\nSF  \r\nFG\t\r\n\n") == GridMap(text: "SF\nFG"))
    }

    @Test func wallsAndEdgesBlockMoves() throws {
        let map = try GridMap(text: "S#G\nFFF")
        #expect(map.cell(from: 0, moving: .right) == 0)
        #expect(map.cell(from: 0, moving: .up) == 0)
        #expect(map.cell(from: 0, moving: .left) == 0)
        #expect(map.cell(from: 0, moving: .down) == 3)
    }

    @Test(arguments: [
        ("SFXF\nFFFG", GridMapError(.unknownCharacter("X"), line: 1, column: 3)),
        ("SFFF\n FFG", GridMapError(.unknownCharacter(" "), line: 2, column: 1)),
        ("SFF\nFG", GridMapError(.raggedRow(expected: 3, found: 2), line: 2, column: 3)),
        ("SF\nFFG", GridMapError(.raggedRow(expected: 2, found: 3), line: 2, column: 3)),
        ("SF\n\nFG", GridMapError(.raggedRow(expected: 2, found: 0), line: 2, column: 1)),
        ("\n\nSFQ", GridMapError(.unknownCharacter("Q"), line: 3, column: 3)),
        ("FF\nFG", GridMapError(.noStart)),
        ("SF\nFH", GridMapError(.noGoal)),
        ("  \n\n", GridMapError(.empty)),
        ("FSH\nHHG", GridMapError(.unreachableGoal, line: 1, column: 2)),
        ("\nS#G\nF#F", GridMapError(.unreachableGoal, line: 2, column: 1)),
        ("SFG\nHHH\nSHF", GridMapError(.unreachableGoal, line: 3, column: 1)),
    ])
    func rejectsMalformedMapsNamingLineAndColumn(text: String, expected: GridMapError) {
        #expect(throws: expected) { try GridMap(text: text) }
    }

    @Test func errorMessagesNameFileLineAndColumn() throws {
        let error = GridMapError(.unknownCharacter("X"), path: "maze.txt", line: 3, column: 5)
        #expect(error.description == "maze.txt:3:5: unknown character \"X\"; expected one of S F . H G #")
        #expect(GridMapError(.noStart).description == "map: no start; expected an `S` cell")
    }

    @Test func readsMapFilesAndNamesThePathInErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridworld-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt").path
        let bad = folder.appendingPathComponent("bad.txt").path
        try "S.#\n..G\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "S..\n.*G\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try GridMap(contentsOfFile: good) == GridMap(text: "SF#\nFFG"))
        #expect(throws: GridMapError(.unknownCharacter("*"), path: bad, line: 2, column: 2)) { try GridMap(contentsOfFile: bad) }
        let missing = folder.appendingPathComponent("missing.txt").path
        #expect(throws: GridMapError(.fileNotFound, path: missing)) { try GridMap(contentsOfFile: missing) }
        #expect(GridMapError(.fileNotFound, path: missing).description == "\(missing): no such map file")
    }

    /// Maps past 1024 rows or columns, files past 4 MiB (or endless), and files that are not
    /// UTF-8 text are refused with the place, before anything large is allocated.
    @Test func refusesHugeAndBinaryMaps() throws {
        let side = GridMap.maximumSide
        let wide = "S" + String(repeating: "F", count: side) + "G"
        #expect(throws: GridMapError(.tooManyCells(rows: 1, columns: side + 2), line: 1, column: side + 1)) { try GridMap(text: wide) }
        let tall = (["S"] + Array(repeating: "F", count: side) + ["G"]).joined(separator: "\n")
        #expect(throws: GridMapError(.tooManyCells(rows: side + 2, columns: 1), line: side + 1, column: 1)) { try GridMap(text: tall) }
        let largest = (["S" + String(repeating: "F", count: side - 1)] + Array(repeating: String(repeating: "F", count: side - 2) + "FG", count: side - 1))
        #expect(try GridMap(rows: largest).cellCount == side * side)
        #expect(GridMapError(.tooManyCells(rows: 2000, columns: 3)).description.contains("at most 1024"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridworld-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.txt").path
        #expect(FileManager.default.createFile(atPath: huge, contents: Data(repeating: UInt8(ascii: "F"), count: GridMap.maximumFileBytes + 1)))
        #expect(throws: GridMapError(.fileTooLarge, path: huge)) { try GridMap(contentsOfFile: huge) }
        #expect(throws: GridMapError(.fileTooLarge, path: "/dev/zero")) { try GridMap(contentsOfFile: "/dev/zero") }
        let binary = folder.appendingPathComponent("binary.txt").path
        #expect(FileManager.default.createFile(atPath: binary, contents: Data([0x53, 0xFF, 0xFE, 0x00, 0x47])))
        #expect(throws: GridMapError(.unreadableFile("not valid UTF-8"), path: binary)) { try GridMap(contentsOfFile: binary) }
        let nulls = folder.appendingPathComponent("nulls.txt").path
        #expect(FileManager.default.createFile(atPath: nulls, contents: Data([0x53, 0x00, 0x47])))
        #expect(throws: GridMapError(.unknownCharacter("\u{0}"), path: nulls, line: 1, column: 2)) { try GridMap(contentsOfFile: nulls) }
        #expect(throws: GridMapError.self) { try GridMap(contentsOfFile: folder.path) }
    }

    @Test func randomMapsAreSeededAndAlwaysHaveAPath() {
        for seed in 0..<200 as Range<UInt64> {
            var generator = SeededGenerator(seed: seed)
            let map = GridMap.random(size: 2 + Int(seed % 9), holeProbability: Double(seed % 5) / 4, using: &generator)
            #expect(map.starts == [0] && map.tiles.last == .goal)
            #expect(map.hasPathToGoal(from: 0), "seed \(seed):\n\(map)")
            #expect(throws: Never.self) { try GridMap(text: map.text) }
        }
        var first = SeededGenerator(seed: 7), second = SeededGenerator(seed: 7), third = SeededGenerator(seed: 8)
        let map = GridMap.random(size: 8, holeProbability: 0.3, using: &first)
        #expect(map == GridMap.random(size: 8, holeProbability: 0.3, using: &second))
        #expect(map != GridMap.random(size: 8, holeProbability: 0.3, using: &third))
    }

    @Test func holeProbabilityControlsTheHolesOffThePath() {
        var generator = SeededGenerator(seed: 1)
        let full = GridMap.random(size: 10, holeProbability: 1, using: &generator)
        #expect(full.tiles.filter { $0 == .hole }.count == 100 - 19)
        #expect(!GridMap.random(size: 10, holeProbability: 0, using: &generator).tiles.contains(.hole))
        let large = GridMap.random(size: 100, holeProbability: 0.3, using: &generator)
        let fraction = Double(large.tiles.filter { $0 == .hole }.count) / Double(100 * 100 - 199)
        #expect(abs(fraction - 0.3) < 0.02)
    }
}
