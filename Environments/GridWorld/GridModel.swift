import Dojo

/// The full transition model of a map under some rules, precomputed once so that a step is a
/// table look-up and one random draw, with no allocation.
///
/// Outcomes follow Gymnasium's `P` exactly: for a slippery action `a` the moves
/// `(a - 1) mod 4`, `a`, `(a + 1) mod 4` in that order, with probabilities
/// `(1 - successRate) / 2`, `successRate`, `(1 - successRate) / 2`, never merged even when two
/// lead to the same cell; one outcome of probability 1 when not slippery. Holes and goals are
/// absorbing: probability 1, same cell, reward 0, terminated. Wall cells, which the agent never
/// occupies, are absorbing too.
@usableFromInline
struct GridModel: Sendable {
    /// The largest number of outcomes of one action.
    @usableFromInline static let maxOutcomes = 3

    /// `maxOutcomes` slots per cell and action, row-major by cell then action.
    @usableFromInline let outcomes: [Transition]
    /// How many slots of each cell and action are used.
    @usableFromInline let counts: [Int]

    /// Builds the model of `map` under `rules`.
    ///
    /// - Complexity: O(n) in the number of cells.
    init(map: GridMap, rules: GridRules) {
        let actionCount = GridDirection.allCases.count
        var outcomes: [Transition] = []
        var counts: [Int] = []
        outcomes.reserveCapacity(map.cellCount * actionCount * Self.maxOutcomes)
        let failRate = (1.0 - rules.successRate) / 2.0
        for cell in 0..<map.cellCount {
            for direction in GridDirection.allCases {
                var entries: [Transition] = []
                if map.tiles[cell].isTerminal || !map.tiles[cell].isEnterable {
                    entries.append(Transition(probability: 1.0, nextState: cell, reward: 0, terminated: true))
                } else if rules.isSlippery {
                    for turn in -1...1 {
                        let probability = turn == 0 ? rules.successRate : failRate
                        entries.append(Self.move(from: cell, direction.rotated(by: turn), on: map, rules: rules, probability: probability))
                    }
                } else {
                    entries.append(Self.move(from: cell, direction, on: map, rules: rules, probability: 1.0))
                }
                counts.append(entries.count)
                let padding = entries[entries.count - 1]
                outcomes += entries + Array(repeating: padding, count: Self.maxOutcomes - entries.count)
            }
        }
        self.outcomes = outcomes
        self.counts = counts
    }

    private static func move(from cell: Int, _ direction: GridDirection, on map: GridMap, rules: GridRules, probability: Double) -> Transition {
        let next = map.cell(from: cell, moving: direction)
        let tile = map.tiles[next]
        return Transition(probability: probability, nextState: next, reward: rules.reward(entering: tile), terminated: tile.isTerminal)
    }

    /// The outcomes of `action` in `state`, in Gymnasium's order.
    func transitions(state: Int, action: Int) -> [Transition] {
        let slot = state * GridDirection.allCases.count + action
        let base = slot * Self.maxOutcomes
        return Array(outcomes[base..<(base + counts[slot])])
    }

    /// One outcome of `action` in `state`, drawn with its probability from one uniform number,
    /// as Gymnasium's `categorical_sample`: the first outcome whose cumulative probability
    /// exceeds the draw.
    @inlinable
    func sample<G: RandomNumberGenerator>(state: Int, action: Int, using generator: inout G) -> Transition {
        let slot = state * 4 + action
        let base = slot * Self.maxOutcomes
        let last = base + counts[slot] - 1
        let draw = generator.nextUnitDouble()
        var index = base
        var cumulative = outcomes[index].probability
        while draw >= cumulative && index < last {
            index += 1
            cumulative += outcomes[index].probability
        }
        return outcomes[index]
    }
}
