import Dojo
import Environments
import Rendering
import Testing
import TestSupport

/// ConnectFour's RGB picture: goldens, pixels computed from `ConnectFour.Picture`, and the
/// pixel-to-column map for play by mouse.
@Suite("ConnectFour picture")
struct ConnectFourPictureTests {
    private typealias Picture = ConnectFour.Picture

    /// The picture after `moves` played in turn, both sides by the caller.
    private func picture(after moves: [Int]) throws -> Frame {
        var env = ConnectFourEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        for move in moves { _ = env.step(move) }
        return env.picture
    }

    /// The pixel just below and right of the centre of cell (`row`, `column`), offset by (`dx`, `dy`).
    private func pixel(_ frame: Frame, row: Int, column: Int, dx: Int = 0, dy: Int = 0) -> RGB {
        let centre = Picture.cellCentre(row: row, column: column)
        return frame[Int(centre.x) + dx, Int(centre.y) + dy]
    }

    @Test(arguments: [
        ("connectfour_empty", [Int]()),
        ("connectfour_midgame", [3, 3, 2, 4]),
        ("connectfour_yellow_wins", [6, 0, 6, 0, 5, 0, 5, 0]),
    ])
    func matchesTheGolden(name: String, moves: [Int]) throws {
        let mismatch = GoldenImage.mismatch(try picture(after: moves), name: name, group: "BoardGames", bundle: .module)
        #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
    }

    @Test func renderGivesThePictureAtTheConstantsSize() throws {
        var env = ConnectFourEnvironment(opponent: .none)
        _ = try env.reset(seed: 0)
        #expect(env.render(.rgb) == .frame(env.picture))
        #expect((env.picture.width, env.picture.height) == (480, 456))
        #expect((Picture.width, Picture.height) == (480, 456))
        #expect(Picture.cellOrigin(row: 5, column: 6) == (400, 336))
    }

    @Test func discsHolesBoardAndLastMoveHaveTheirColours() throws {
        // Red on (5, 3) and (5, 2), yellow on (4, 3) and (5, 4), the last move.
        let frame = try picture(after: [3, 3, 2, 4])
        #expect(pixel(frame, row: 5, column: 3) == Picture.firstColor)
        #expect(pixel(frame, row: 5, column: 2) == Picture.firstColor)
        #expect(pixel(frame, row: 4, column: 3) == Picture.secondColor)
        #expect(pixel(frame, row: 5, column: 4) == Picture.secondColor)
        // A disc fills its hole up to just inside the radius.
        let inside = Int(Picture.holeRadius) - 2
        #expect(pixel(frame, row: 5, column: 2, dx: -inside - 1) == Picture.firstColor)
        #expect(pixel(frame, row: 0, column: 0) == Picture.emptyHoleColor)
        #expect(pixel(frame, row: 4, column: 4, dy: inside) == Picture.emptyHoleColor)
        let corner = Picture.cellOrigin(row: 2, column: 5)
        #expect(frame[corner.x + 1, corner.y + 1] == Picture.boardColor)
        #expect(frame[Picture.margin - 1, Picture.margin] == Picture.backgroundColor)
        // The ring lies on the board around the last disc only.
        let ring = Int(Picture.lastMoveRingRadius - Picture.lastMoveRingWidth / 2)
        #expect(pixel(frame, row: 5, column: 4, dx: ring) == Picture.lastMoveColor)
        #expect(pixel(frame, row: 5, column: 4, dy: -ring - 1) == Picture.lastMoveColor)
        #expect(pixel(frame, row: 5, column: 2, dx: ring) == Picture.boardColor)
    }

    @Test func aWinIsCrossedOutByTheWinningLine() throws {
        // Yellow's four in column 0, rows 2 to 5: the line runs over the discs and the board between.
        let frame = try picture(after: [6, 0, 6, 0, 5, 0, 5, 0])
        #expect(pixel(frame, row: 3, column: 0, dy: 20) == Picture.winLineColor)
        #expect(pixel(frame, row: 3, column: 0, dy: Picture.cellSize / 2) == Picture.winLineColor)
        #expect(pixel(frame, row: 3, column: 0, dx: Int(Picture.winLineWidth / 2) + 1) == Picture.secondColor)
        #expect(pixel(frame, row: 1, column: 0) == Picture.emptyHoleColor)
        // Red's two columns of two hold no line.
        #expect(pixel(frame, row: 5, column: 6) == Picture.firstColor)
    }

    @Test func everyCellCentreMapsBackToItsColumn() {
        for row in 0..<6 {
            for column in 0..<7 {
                let centre = Picture.cellCentre(row: row, column: column)
                #expect(ConnectFour.action(atPixel: Int(centre.x), y: Int(centre.y)) == column)
                #expect(ConnectFourEnvironment.action(atPixel: Int(centre.x) - 1, y: Int(centre.y) - 1) == column)
                let origin = Picture.cellOrigin(row: row, column: column)
                let last = Picture.cellSize - 1
                #expect(ConnectFour.action(atPixel: origin.x, y: origin.y) == column)
                #expect(ConnectFour.action(atPixel: origin.x + last, y: origin.y + last) == column)
            }
        }
    }

    @Test func pixelsOutsideTheBoardMapToNoColumn() {
        let right = Picture.margin + 7 * Picture.cellSize
        let bottom = Picture.margin + 6 * Picture.cellSize
        let inside = Picture.margin + 1
        for (x, y) in [(0, 0), (Picture.margin - 1, inside), (inside, Picture.margin - 1), (right, inside),
                       (inside, bottom), (inside, Picture.height - 1), (-1, -1)] {
            #expect(ConnectFour.action(atPixel: x, y: y) == nil, "pixel (\(x), \(y))")
        }
    }
}
