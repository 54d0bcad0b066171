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
            let prompts = terminal.transcript.components(separatedBy: "Your move").count
            terminal.type("\(cell)")
            terminal.read { $0.contains("Result:") || $0.components(separatedBy: "Your move").count > prompts }
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

    /// A depth beyond the game's range is refused at once, naming the range, instead of hanging.
    @Test func gameOptionsAreCheckedByName() throws {
        let unknown = try DojoBinary.run(["play", "--options", #"{"bogus": 1}"#], input: "q\n")
        #expect(unknown.status != 0 && unknown.stderr.contains("bogus"), "stderr: \(unknown.stderr)")
        let malformed = try DojoBinary.run(["play", "--options", "{oops"], input: "q\n")
        #expect(malformed.status != 0 && malformed.stderr.contains("--options"), "stderr: \(malformed.stderr)")
        let accepted = try DojoBinary.run(["play", "--options", #"{"opponent": "random"}"#, "--opponent", "random"], input: "4\n")
        #expect(accepted.status == 0, "stderr: \(accepted.stderr)")
    }

    @Test func unboundedDepthIsRefusedWithTheRange() throws {
        let deep = try DojoBinary.run(["play", "--env", "ConnectFour-v0", "--opponent", "alphabeta:100"], input: "3\n")
        #expect(deep.status != 0 && deep.stderr.contains("D from 1 to 12 for ConnectFour-v0"), "stderr: \(deep.stderr)")
        let tictactoe = try DojoBinary.run(["play", "--opponent", "alphabeta:10"], input: "4\n")
        #expect(tictactoe.status != 0 && tictactoe.stderr.contains("D from 1 to 9 for TicTacToe-v0"))
        let time = try DojoBinary.run(["play", "--opponent", "random", "--move-time", "1"], input: "4\n")
        #expect(time.status != 0 && time.stderr.contains("--move-time"))
    }

    /// With a time per move the opponent deepens as far as its time allows and answers.
    @Test func timedOpponentAnswers() throws {
        let output = try DojoBinary.run(
            ["play", "--env", "ConnectFour-v0", "--opponent", "alphabeta:42", "--move-time", "0.2", "--first", "opponent"], input: "3\n")
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.components(separatedBy: "Your move").count == 3 && output.stdout.contains("Opponent plays"))
    }

    /// Every built-in player `dojo arena` knows is an opponent `dojo play` accepts and that answers.
    @Test(arguments: ["random", "tactical", "tactical:3", "alphabeta:2", "mcts:50"])
    func everyBuiltInPlayerIsAnOpponent(name: String) throws {
        let output = try DojoBinary.run(["play", "--opponent", name], input: "4\n")
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("the opponent (\(name))") && output.stdout.contains("Opponent plays"), "\(output.stdout)")
    }

    @Test func endOfInputEndsTheGameCleanly() throws {
        let output = try DojoBinary.run(["play", "--env", "ConnectFour-v0", "--opponent", "random"], input: "3\n")
        #expect(output.status == 0 && output.stdout.contains("You gave up."))
    }
}
