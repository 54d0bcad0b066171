import Dojo

extension GridWorldOptions {
    /// The map from `map`, `map_file` or `map_name`, in that order of precedence.
    static func readMap(_ options: Options) throws(EnvironmentError) -> GridMap {
        let name = try options.string("map_name") ?? "4x4"
        for option in ["size", "hole_probability", "map_seed"] where options[option] != nil && options[option] != .null {
            guard name == "random", options["map"] == nil, options["map_file"] == nil else {
                throw .invalidOption(name: option, message: "only used with map_name \"random\" and no map or map_file")
            }
        }
        if let value = options["map"], value != .null {
            let rows = value.stringValue.map { [$0] } ?? value.arrayValue?.compactMap(\.stringValue)
            guard let rows, rows.count == (value.arrayValue?.count ?? 1) else {
                throw .invalidOption(name: "map", message: "expected a string or an array of strings, got \(value.jsonText)")
            }
            return try parse(option: "map") { () throws(GridMapError) in try GridMap(rows: rows) }
        }
        if let path = try options.string("map_file") {
            return try parse(option: "map_file") { () throws(GridMapError) in try GridMap(contentsOfFile: path) }
        }
        if let map = GridMap.named[name] { return map }
        guard name == "random" else {
            let expected = (GridMap.named.keys.sorted() + ["random"]).map(\.debugDescription).joined(separator: ", ")
            throw .invalidOption(name: "map_name", message: "expected one of \(expected), got \(name.debugDescription)")
        }
        let size = try options.integer("size") ?? 8
        guard (2...1024).contains(size) else {
            throw .invalidOption(name: "size", message: "expected an integer in 2...1024, got \(size)")
        }
        let holeProbability = try options.number("hole_probability") ?? 0.2
        guard (0...1).contains(holeProbability) else {
            throw .invalidOption(name: "hole_probability", message: "expected a number in [0, 1], got \(holeProbability)")
        }
        let seed = try options.integer("map_seed") ?? 0
        guard seed >= 0 else {
            throw .invalidOption(name: "map_seed", message: "expected a non-negative integer, got \(seed)")
        }
        var generator = SeededGenerator(seed: UInt64(seed))
        return GridMap.random(size: size, holeProbability: holeProbability, using: &generator)
    }

    private static func parse(option: String, _ read: () throws(GridMapError) -> GridMap) throws(EnvironmentError) -> GridMap {
        do {
            return try read()
        } catch {
            throw .invalidOption(name: option, message: error.description)
        }
    }

    /// The slip rule and rewards from `is_slippery`, `success_rate` or `slip_probability`,
    /// and `reward_schedule` or `step_reward`.
    static func readRules(_ options: Options) throws(EnvironmentError) -> GridRules {
        let successRate = try options.number("success_rate")
        let slipProbability = try options.number("slip_probability")
        if successRate != nil, slipProbability != nil {
            throw .invalidOption(name: "slip_probability", message: "give success_rate or slip_probability, not both")
        }
        let rate = successRate ?? slipProbability.map { 1 - $0 } ?? 1.0 / 3.0
        guard (0...1).contains(rate) else {
            let name = successRate == nil ? "slip_probability" : "success_rate"
            throw .invalidOption(name: name, message: "expected a probability in [0, 1], got \(successRate ?? slipProbability ?? rate)")
        }
        let schedule = try options.numbers("reward_schedule", count: 3) ?? [1, 0, 0]
        let stepReward = try options.number("step_reward")
        if stepReward != nil, options["reward_schedule"] != nil {
            throw .invalidOption(name: "step_reward", message: "give reward_schedule or step_reward, not both")
        }
        return GridRules(
            isSlippery: try options.boolean("is_slippery") ?? true, successRate: rate,
            goalReward: schedule[0], holeReward: schedule[1], stepReward: stepReward ?? schedule[2])
    }
}
