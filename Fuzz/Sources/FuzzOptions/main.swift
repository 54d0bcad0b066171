import Dojo
import Environments
import FuzzSupport

// Each input is the JSON text of `--options`, parsed strictly; when it is an object, every
// registered environment is made with it, reset with it and stepped with random actions, so
// every option reader sees every value the fuzzer invents.
runFuzzer { bytes in
    guard let value = try? JSONValue(parsing: String(decoding: bytes, as: UTF8.self)) else { return }
    precondition((try? JSONValue(parsing: value.jsonText)) == value, "a parsed value must read back from its own text")
    guard let options = value.objectValue, !asksForCostlyWork(options) else { return }
    for spec in EnvironmentRegistry.standard.all {
        guard let environment = try? EnvironmentRegistry.standard.make(id: spec.id, options: options) else { continue }
        exercise(environment, options: options)
    }
}

/// Whether the options ask for work that is slow by design: a deep, timed or default-depth
/// search, a tree search of many simulations, or a large random map. Each input must run in
/// milliseconds, so these are left to the unit tests, which check their ranges.
func asksForCostlyWork(_ options: Options) -> Bool {
    let opponent = options["opponent"]?.stringValue
    let depth = options["depth"]?.doubleValue ?? .infinity
    let simulations = options["simulations"]?.doubleValue ?? .infinity
    let size = options["size"]?.doubleValue ?? 0
    return options["move_time"] != nil || (opponent == "alphabeta" && depth > 3) || (opponent == "mcts" && simulations > 100) || size > 64
}

func exercise<E: Environment>(_ environment: E, options: Options) {
    var environment = environment
    var generator = SeededGenerator(seed: 1)
    guard (try? environment.reset(seed: 1, options: options)) != nil else { return }
    for _ in 0..<8 {
        let step = environment.step(environment.randomAction(using: &generator))
        if step.terminated || step.truncated { break }
    }
}
