import Dojo

/// The results of an ``Arena``: each pair's record, illegal moves, and Elo ratings with their
/// 95% confidence intervals.
public struct ArenaStandings: Sendable {
    /// Wins, draws and losses of one player against another, over both sides.
    public struct Record: Sendable, Equatable {
        public var wins = 0, draws = 0, losses = 0

        /// Games in the record.
        public var games: Int { wins + draws + losses }
    }

    /// The players' names, in the arena's order.
    public let names: [String]
    /// `table[i][j]`: player `i`'s record against player `j`.
    public let table: [[Record]]
    /// The illegal moves each player made (each lost its game).
    public let illegalMoves: [Int]
    /// Each player's Elo rating, the anchor's 0.
    public let ratings: [Double]
    /// Half the width of each rating's 95% confidence interval.
    public let margins: [Double]
    /// The name of the player rated 0.
    public let anchor: String
    /// Games of each pair with each player moving first.
    public let gamesPerSide: Int

    /// Player `i`'s record against everyone.
    public func total(of i: Int) -> Record {
        table[i].reduce(into: Record()) { total, record in
            total.wins += record.wins
            total.draws += record.draws
            total.losses += record.losses
        }
    }

    /// The players' indices from the highest rating to the lowest.
    public var ranking: [Int] {
        names.indices.sorted { ratings[$0] > ratings[$1] || (ratings[$0] == ratings[$1] && $0 < $1) }
    }

    /// The standings as `dojo arena --json` prints them: `players` (name, elo, elo_low,
    /// elo_high, wins, draws, losses, illegal_moves, from the highest rating) and `pairs`
    /// (player, opponent, wins, draws, losses, for every ordered pair).
    public var jsonValue: JSONValue {
        let players: [JSONValue] = ranking.map { i in
            let total = total(of: i)
            return [
                "name": .string(names[i]), "elo": .number(ratings[i]), "elo_low": .number(ratings[i] - margins[i]),
                "elo_high": .number(ratings[i] + margins[i]), "wins": .number(Double(total.wins)), "draws": .number(Double(total.draws)),
                "losses": .number(Double(total.losses)), "illegal_moves": .number(Double(illegalMoves[i])),
            ]
        }
        var pairs: [JSONValue] = []
        for i in names.indices {
            for j in names.indices where i != j {
                let record = table[i][j]
                pairs.append([
                    "player": .string(names[i]), "opponent": .string(names[j]), "wins": .number(Double(record.wins)),
                    "draws": .number(Double(record.draws)), "losses": .number(Double(record.losses)),
                ])
            }
        }
        return ["anchor": .string(anchor), "games_per_side": .number(Double(gamesPerSide)), "players": .array(players), "pairs": .array(pairs)]
    }
}
