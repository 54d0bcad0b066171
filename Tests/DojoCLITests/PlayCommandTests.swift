import Foundation
import Testing

@Suite struct PlayCommandTests {
    /// A whole TicTacToe game typed at a pseudo-terminal: a malformed entry and an illegal move
    /// are asked again, the board is redrawn, and the result is announced.
    @Test func terminalGameThroughAPseudoTerminal() throws {
        let terminal = try PseudoTerminal(arguments: ["play", "--env", "TicTacToe-v0", "--opponent", "alphabeta", "--seed", "3"])
        #expect(terminal.read(until: "Your move"))
        terminal.type("middle")
        #expect(terminal.read(until: "Not a move: \"middle\""))
        terminal.type("4")
        #expect(terminal.read(until: "Opponent plays"))
        terminal.type("4")
        #expect(terminal.read(until: "Illegal move 4"))
        for cell in 0..<9 where !terminal.transcript.contains("Result:") {
            terminal.type("\(cell)")
            terminal.read(until: "Your move", seconds: 2)
        }
        #expect(terminal.read(until: "Result:"))
        // Perfect play from the opponent: the person cannot win.
        #expect(terminal.transcript.contains("Result: draw.") || terminal.transcript.contains("Result: you lose."))
        #expect(terminal.transcript.contains(" X ") && terminal.transcript.contains(" O "))
        #expect(terminal.waitForExit() == 0)
    }

    @Test func badOptionsExitNonZeroWithAMessage() throws {
        let output = try DojoBinary.run(["play", "--env", "CartPole-v1"])
        #expect(output.status != 0 && output.stderr.contains("TicTacToe-v0 or ConnectFour-v0"))
        let depth = try DojoBinary.run(["play", "--opponent", "alphabeta:0"])
        #expect(depth.status != 0 && depth.stderr.contains("alphabeta:D"))
    }

    @Test func endOfInputEndsTheGameCleanly() throws {
        let output = try DojoBinary.run(["play", "--env", "ConnectFour-v0", "--opponent", "random"], input: "3\n")
        #expect(output.status == 0 && output.stdout.contains("You gave up."))
    }
}
