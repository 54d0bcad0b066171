import Dojo
import Environments
import Testing

@Suite("ConnectFour rules")
struct ConnectFourTests {
    @Test(arguments: [
        ("vertical", [0, 1, 0, 1, 0, 1, 0]),
        ("horizontal", [0, 0, 1, 1, 2, 2, 3]),
        ("horizontal, second row", [0, 0, 1, 1, 2, 2, 6, 3, 6, 3]),
        ("rising diagonal", [0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3]),
        ("falling diagonal", [6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3]),
    ])
    func fourInALineWins(line: String, moves: [Int]) {
        let game = ConnectFour(playing: moves)
        let expected: Player = moves.count % 2 == 1 ? .first : .second
        #expect(game.outcome == .win(expected), "\(line)")
        #expect(game.legalActions.isEmpty)
        #expect(naiveOutcome(game) == game.outcome)
    }

    @Test func fullBoardWithoutLineIsDraw() {
        let moves = [0, 5, 5, 0, 4, 4, 5, 6, 4, 3, 5, 4, 3, 4, 1, 2, 0, 5, 1, 4, 1, 3, 0, 3, 3, 3, 5, 1, 2, 1, 1, 6, 6, 0, 0, 2, 2, 6, 2, 6, 6, 2]
        let game = ConnectFour(playing: moves)
        #expect(game.moveCount == 42)
        #expect(game.outcome == .draw)
        #expect(naiveOutcome(game) == .draw)
    }

    @Test func piecesFallToTheLowestFreeCell() {
        let game = ConnectFour(playing: [3, 3, 0])
        #expect(game.piece(row: 5, column: 3) == .first)
        #expect(game.piece(row: 4, column: 3) == .second)
        #expect(game.piece(row: 5, column: 0) == .first)
        #expect(game.piece(row: 3, column: 3) == nil)
        #expect(game.height(of: 3) == 2)
        #expect(game.landingCell(of: 3) == (3, 3))
        #expect(game.description.split(separator: "\n").suffix(2) == ["...O...", "X..X..."])
    }

    @Test func fullColumnIsIllegalWithReason() {
        let game = ConnectFour(playing: [0, 0, 0, 0, 0, 0])
        #expect(!game.isLegal(0))
        #expect(game.illegalReason(0) == "column 0 is full")
        #expect(game.actionMask == [false, true, true, true, true, true, true])
    }

    @Test func undoTakesBackTheTopPiece() {
        let start = ConnectFour(playing: [3, 3, 4])
        var game = start
        game.play(3)
        game.undo(3)
        #expect(game == start)
        game.undo(4)
        #expect(game == ConnectFour(playing: [3, 3]))
    }

    /// The bitboard outcome agrees with a cell-by-cell scan on many random games.
    @Test func bitboardOutcomeMatchesScan() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            var game = ConnectFour()
            while game.outcome == .ongoing {
                let legal = game.legalActions
                game.play(legal[Int(generator.next(upperBound: UInt64(legal.count)))])
                #expect(naiveOutcome(game) == game.outcome)
            }
        }
    }

    private func naiveOutcome(_ game: ConnectFour) -> GameOutcome {
        for row in 0..<6 {
            for column in 0..<7 {
                guard let owner = game.piece(row: row, column: column) else { continue }
                for (dr, dc) in [(0, 1), (1, 0), (1, 1), (1, -1)] {
                    let cells = (0..<4).map { (row + $0 * dr, column + $0 * dc) }
                    if cells.allSatisfy({ (0..<6).contains($0.0) && (0..<7).contains($0.1) && game.piece(row: $0.0, column: $0.1) == owner }) {
                        return .win(owner)
                    }
                }
            }
        }
        return game.moveCount == 42 ? .draw : .ongoing
    }
}
