import Dojo

extension EnvironmentRegistry {
    /// Registers `TicTacToe-v0` and `ConnectFour-v0`: the agent plays first against a random
    /// opponent unless the options `opponent`, `depth` and `agent_side` say otherwise. Games end
    /// by themselves, so neither has a time limit.
    public mutating func registerBoardGames() {
        register(EnvironmentSpec(
            id: "TicTacToe-v0", defaultOptions: ["opponent": "random", "agent_side": "first"],
            summary: "Tic-tac-toe against a built-in opponent (PettingZoo's tictactoe_v3 from one side)."
        ) { options throws(EnvironmentError) in try TicTacToeEnvironment(options: options) })
        register(EnvironmentSpec(
            id: "ConnectFour-v0", defaultOptions: ["opponent": "random", "agent_side": "first"],
            summary: "Connect Four against a built-in opponent (PettingZoo's connect_four_v3 from one side)."
        ) { options throws(EnvironmentError) in try ConnectFourEnvironment(options: options) })
    }
}
