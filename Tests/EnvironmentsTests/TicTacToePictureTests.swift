import Dojo
import Environments
import Rendering
import Testing
import TestSupport

/// TicTacToe's RGB picture: goldens, pixels computed from `TicTacToe.Picture`, and the
/// pixel-to-cell map for play by mouse.
@Suite("TicTacToe picture")
struct TicTacToePictureTests {
    private typealias Picture = TicTacToe.Picture

    /// The picture after `moves` played in turn, both sides by the caller.
    private func picture(after moves: [Int]) throws -> Frame {
        var env = TicTacToeEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        for move in moves { _ = env.step(move) }
        guard case .frame(let frame)? = env.render(.rgb) else {
            Issue.record("expected render(.rgb) to give a frame")
            return Frame(width: 1, height: 1)
        }
        return frame
    }

    /// The pixel just below and right of the centre of `cell`, offset by (`dx`, `dy`).
    private func pixel(_ frame: Frame, cell: Int, dx: Int = 0, dy: Int = 0) -> RGB {
        let centre = Picture.cellCentre(row: cell / 3, column: cell % 3)
        return frame[Int(centre.x) + dx, Int(centre.y) + dy]
    }

    @Test(arguments: [
        ("tictactoe_empty", [Int]()),
        ("tictactoe_midgame", [4, 0, 8, 2]),
        ("tictactoe_x_wins", [0, 3, 1, 4, 2]),
        ("tictactoe_draw", [0, 1, 2, 4, 3, 5, 7, 6, 8]),
        ("tictactoe_forfeit", [4, 4]),
    ])
    func matchesTheGolden(name: String, moves: [Int]) throws {
        let mismatch = GoldenImage.mismatch(try picture(after: moves), name: name, group: "BoardGames", bundle: .module)
        #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
    }

    @Test func geometryConstantsGiveTheFrameSize() throws {
        let frame = try picture(after: [])
        #expect((frame.width, frame.height) == (320, 360))
        #expect((Picture.width, Picture.height) == (frame.width, frame.height))
        #expect(Picture.cellOrigin(row: 2, column: 1) == (110, 210))
    }

    @Test func marksAndLastMoveHaveTheirColoursWhereTheConstantsPutThem() throws {
        // X on 4 and 8, O on 0 and 2 (the last move).
        let frame = try picture(after: [4, 0, 8, 2])
        #expect(pixel(frame, cell: 4) == Picture.xColor)
        #expect(pixel(frame, cell: 4, dx: 15, dy: 15) == Picture.xColor)
        #expect(pixel(frame, cell: 8, dx: 15, dy: -16) == Picture.xColor)
        // On the middle of the O's ring, and inside it.
        let ringMiddle = Int(Picture.ringRadius - Picture.strokeWidth / 2)
        #expect(pixel(frame, cell: 0, dx: ringMiddle) == Picture.oColor)
        #expect(pixel(frame, cell: 0, dy: -ringMiddle) == Picture.oColor)
        #expect(pixel(frame, cell: 0) == Picture.backgroundColor)
        // The last move's cell is highlighted behind the ring, the others are not.
        #expect(pixel(frame, cell: 2) == Picture.lastMoveColor)
        let corner = Picture.cellOrigin(row: 0, column: 2)
        #expect(frame[corner.x + 5, corner.y + 5] == Picture.lastMoveColor)
        #expect(pixel(frame, cell: 5) == Picture.backgroundColor)
        let earlier = Picture.cellOrigin(row: 1, column: 1)
        #expect(frame[earlier.x + 5, earlier.y + 5] == Picture.backgroundColor)
    }

    @Test func aWinIsCrossedOutByTheWinningLine() throws {
        // X holds the top row; the line runs through the centres of cells 0 to 2.
        let won = try picture(after: [0, 3, 1, 4, 2])
        let halfWidth = Int(Picture.winLineWidth / 2)
        #expect(pixel(won, cell: 1, dx: 20) == Picture.winLineColor)
        #expect(pixel(won, cell: 1, dx: 20, dy: halfWidth - 1) == Picture.winLineColor)
        #expect(pixel(won, cell: 1, dx: 20, dy: halfWidth + 1) == Picture.backgroundColor)
        #expect(pixel(won, cell: 0, dx: -Int(Picture.winLineOverhang) + halfWidth) == Picture.winLineColor)
        // O's row 1 is one short: no line there.
        #expect(pixel(won, cell: 5) == Picture.backgroundColor)
    }

    @Test func gridLinesAreCentredOnTheCellBorders() throws {
        let frame = try picture(after: [])
        let border = Picture.margin + Picture.cellSize
        let half = Picture.gridLineWidth / 2
        let y = Picture.margin + Picture.cellSize / 2
        for x in (border - half)..<(border + half) {
            #expect(frame[x, y] == Picture.gridColor && frame[y, x] == Picture.gridColor)
        }
        #expect(frame[border - half - 1, y] == Picture.backgroundColor)
        #expect(frame[border + half, y] == Picture.backgroundColor)
        // No outer frame: the board's edge and the margin are background.
        #expect(frame[Picture.margin, y] == Picture.backgroundColor)
        #expect(frame[Picture.margin - 1, y] == Picture.backgroundColor)
    }

    @Test func everyCellCentreAndCornerMapsBackToItsCell() {
        for cell in 0..<9 {
            let (row, column) = (cell / 3, cell % 3)
            let centre = Picture.cellCentre(row: row, column: column)
            #expect(TicTacToe.action(atPixel: Int(centre.x), y: Int(centre.y)) == cell)
            #expect(TicTacToeEnvironment.action(atPixel: Int(centre.x) - 1, y: Int(centre.y) - 1) == cell)
            let origin = Picture.cellOrigin(row: row, column: column)
            let last = Picture.cellSize - 1
            #expect(TicTacToe.action(atPixel: origin.x, y: origin.y) == cell)
            #expect(TicTacToe.action(atPixel: origin.x + last, y: origin.y + last) == cell)
        }
    }

    @Test func pixelsOutsideTheBoardMapToNoCell() {
        let end = Picture.margin + 3 * Picture.cellSize
        let inside = Picture.margin + 1
        for (x, y) in [(0, 0), (Picture.margin - 1, inside), (inside, Picture.margin - 1), (end, inside),
                       (inside, end), (-5, inside), (inside, Picture.height - 1), (Picture.width - 1, inside)] {
            #expect(TicTacToe.action(atPixel: x, y: y) == nil, "pixel (\(x), \(y))")
        }
    }
}
