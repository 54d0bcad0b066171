import Dojo

/// Opens an environment known only by id for self-play: where a configuration asks for
/// `self_play`, the one place a learner checks that the environment is turn-based, then hands
/// the visitor the environment wrapped in a ``SelfPlayEnvironment`` on `pool`.
struct SelfPlayOpening<Visitor: EnvironmentVisitor>: EnvironmentVisitor {
    let environmentID: String
    let pool: OpponentPool
    let visitor: Visitor

    func visit<E: Environment>(_ environment: E) throws -> Visitor.Result {
        guard let turnBased = environment as? any TurnBasedEnvironment else {
            throw AgentError.invalidConfiguration(
                field: "self_play", reason: "\(environmentID) is not a two-player turn-based environment (TicTacToe-v0, ConnectFour-v0 are)")
        }
        return try open(turnBased)
    }

    private func open<Base: TurnBasedEnvironment>(_ environment: Base) throws -> Visitor.Result {
        do {
            return try visitor.visit(SelfPlayEnvironment(environment, pool: pool))
        } catch let error as EnvironmentError {
            throw AgentError.environment(error)
        }
    }
}

/// A learner's visitor that can feed the opponent pool of a self-playing run.
protocol SelfPlayTrainer: EnvironmentVisitor {
    /// The pool training adds snapshots to, set when the run self-plays.
    var opponentPool: OpponentPool? { get set }
}

extension EnvironmentRegistry {
    /// Opens `environmentID` for `trainer` as ``openForAgent(id:options:with:)`` does, wrapped
    /// for self-play on a new pool when `selfPlay` is given.
    func openForAgent<Trainer: SelfPlayTrainer>(
        id environmentID: String, options: Options, selfPlay: SelfPlaySettings?, with trainer: Trainer
    ) throws(AgentError) -> Trainer.Result {
        guard let selfPlay else { return try openForAgent(id: environmentID, options: options, with: trainer) }
        let pool = try OpponentPool(settings: selfPlay)
        var trainer = trainer
        trainer.opponentPool = pool
        return try openForAgent(id: environmentID, options: options, with: SelfPlayOpening(environmentID: environmentID, pool: pool, visitor: trainer))
    }
}
