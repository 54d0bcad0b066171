import Dojo
import Environments
import Testing

@Suite("TicTacToe rules")
struct TicTacToeTests {
    /// X completes each of the eight lines while O's two or three pieces make none.
    @Test(arguments: [
        ("top row", [0, 3, 1, 4, 2]), ("middle row", [3, 0, 4, 1, 5]), ("bottom row", [6, 0, 7, 1, 8]),
        ("left column", [0, 1, 3, 2, 6]), ("middle column", [1, 0, 4, 2, 7]), ("right column", [2, 0, 5, 1, 8]),
        ("main diagonal", [0, 1, 4, 2, 8]), ("anti-diagonal", [2, 0, 4, 1, 6]),
    ])
    func firstPlayerWinsAlongLine(line: String, moves: [Int]) {
        let game = TicTacToe(playing: moves)
        #expect(game.outcome == .win(.first), "\(line)")
        #expect(game.legalActions.isEmpty)
    }

    @Test func secondPlayerWinsMiddleRow() {
        let game = TicTacToe(playing: [0, 3, 1, 4, 8, 5])
        #expect(game.outcome == .win(.second))
        #expect(game.outcome.reward(for: .first) == -1)
        #expect(game.outcome.reward(for: .second) == 1)
    }

    @Test func fullBoardWithoutLineIsDraw() {
        let game = TicTacToe(playing: [0, 1, 2, 4, 3, 5, 7, 6, 8])
        #expect(game.description == "XOX\nXOO\nOXX")
        #expect(game.outcome == .draw)
        #expect(game.legalActions.isEmpty)
    }

    @Test func cellsAreRowMajor() {
        let game = TicTacToe(playing: [5, 7])
        #expect(game.piece(row: 1, column: 2) == .first)
        #expect(game.piece(row: 2, column: 1) == .second)
        #expect(game.piece(row: 0, column: 0) == nil)
        #expect(game.currentPlayer == .first)
        #expect(game.moveCount == 2)
        #expect(game.landingCell(of: 3) == (1, 0))
    }

    @Test func occupiedCellIsIllegalWithReason() {
        let game = TicTacToe(playing: [4])
        #expect(!game.isLegal(4))
        #expect(game.illegalReason(4) == "cell 4 is occupied")
        #expect(game.actionMask == [true, true, true, true, false, true, true, true, true])
        #expect(game.legalActions == [0, 1, 2, 3, 5, 6, 7, 8])
    }

    @Test func undoRestoresPositionAndCopiesAreIndependent() {
        let start = TicTacToe(playing: [4, 0])
        var game = start
        game.play(8)
        #expect(game != start)
        #expect(start.moveCount == 2)
        game.undo(8)
        #expect(game == start)
        #expect(game.currentPlayer == .first)
    }

    @Test func pettingZooNumberingIsTheTranspose() {
        #expect((0..<9).map(TicTacToe.pettingZooAction) == [0, 3, 6, 1, 4, 7, 2, 5, 8])
        for action in 0..<9 {
            #expect(TicTacToe.pettingZooAction(TicTacToe.pettingZooAction(action)) == action)
        }
    }
}
