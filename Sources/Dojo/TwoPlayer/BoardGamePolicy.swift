/// A player that picks a move for the side to move in a position, drawing any randomness from
/// the caller's generator: how search, network opponents and people plug into a game (a
/// `BoardGameEnvironment`'s opponent, self-play, the arena).
public typealias BoardGamePolicy<Game: BoardGame> = @Sendable (Game, inout SeededGenerator) -> Int
