/// An optimizer's per-parameter state, keyed by the parameter's identity (as PyTorch keys its
/// `state` by tensor), so a step over a different or reordered list of parameters never
/// applies one parameter's moments to another.
///
/// Each entry holds its parameter, so an identity cannot be reused by a new variable while
/// the state lives, and remembers the shape it was made for.
public struct ParameterStates<State> {
    struct Entry {
        let parameter: Variable
        let shape: [Int]
        var state: State
    }

    /// Where each parameter's entry is: a concrete dictionary, so a look-up allocates nothing.
    private var positions: [ObjectIdentifier: Int] = [:]
    private var entries: [Entry] = []

    /// No states; each parameter gets one at its first update.
    public init() {}

    /// The number of parameters with a state.
    public var count: Int { entries.count }

    /// The state of `parameter`, or `nil` before its first update.
    public subscript(parameter: Variable) -> State? {
        positions[ObjectIdentifier(parameter)].map { entries[$0].state }
    }

    /// Makes the state of `parameter` by `initial` at its first update.
    ///
    /// - Precondition: the parameter still has the shape its state was made for; `name`
    ///   says which parameter in the message.
    mutating func prepare(_ parameter: Variable, named name: @autoclosure () -> String, initial: (Tensor) -> State) {
        let key = ObjectIdentifier(parameter)
        guard let position = positions[key] else {
            positions[key] = entries.count
            entries.append(Entry(parameter: parameter, shape: parameter.shape, state: initial(parameter.value)))
            return
        }
        checkContract(entries[position].shape == parameter.shape,
                      "optimizer state of \(name()) was made for shape \(entries[position].shape), but the parameter now has shape \(parameter.shape)")
    }

    /// Runs `body` with the states' storage and each prepared parameter's position in it
    /// (``prepare(_:named:initial:)``): two threads may update distinct positions at once.
    mutating func withStates<Result>(_ body: (UnsafeMutableBufferPointer<Entry>, [ObjectIdentifier: Int]) -> Result) -> Result {
        let table = positions
        return entries.withUnsafeMutableBufferPointer { body($0, table) }
    }

    /// Sets the state of `parameter`, as a restored checkpoint does.
    mutating func set(_ state: State, for parameter: Variable) {
        let key = ObjectIdentifier(parameter)
        if let position = positions[key] {
            entries[position].state = state
        } else {
            positions[key] = entries.count
            entries.append(Entry(parameter: parameter, shape: parameter.shape, state: state))
        }
    }
}
