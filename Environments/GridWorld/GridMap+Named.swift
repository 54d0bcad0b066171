extension GridMap {
    /// Gymnasium's 4x4 FrozenLake map (`map_name="4x4"`).
    public static let frozenLake4x4 = GridMap(rows: 4, columns: 4, letters: [
        "SFFF",
        "FHFH",
        "FFFH",
        "HFFG",
    ])

    /// Gymnasium's 8x8 FrozenLake map (`map_name="8x8"`).
    public static let frozenLake8x8 = GridMap(rows: 8, columns: 8, letters: [
        "SFFFFFFF",
        "FFFFFFFF",
        "FFFHFFFF",
        "FFFFFHFF",
        "FFFHFFFF",
        "FHHFFFHF",
        "FHFFHFHF",
        "FFFHFFFG",
    ])

    /// A 7x7 maze with walls, for trying the `#` tile.
    public static let maze7x7 = GridMap(rows: 7, columns: 7, letters: [
        "S..#...",
        ".#.#.#.",
        ".#...#.",
        ".####H.",
        "...#...",
        "##.#.#.",
        "H.....G",
    ])

    /// The built-in maps by the names the `map_name` option accepts: `4x4`, `8x8`, `maze7x7`.
    public static let named: [String: GridMap] = [
        "4x4": frozenLake4x4,
        "8x8": frozenLake8x8,
        "maze7x7": maze7x7,
    ]

    /// A built-in map from its rows of canonical letters, which are known to be valid.
    private init(rows: Int, columns: Int, letters: [String]) {
        let tiles = letters.joined().map { GridTile(symbol: $0) ?? .wall }
        self.init(rows: rows, columns: columns, tiles: tiles)
    }
}
