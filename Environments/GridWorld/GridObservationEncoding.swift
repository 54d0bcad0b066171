import Dojo

/// How a grid world shows its state to the agent: the observation type and space of a
/// `GridWorld`, chosen by the type parameter so that each mode has a static observation type.
///
/// Dojo provides `IndexEncoding` (the cell index, FrozenLake's observation),
/// `OneHotEncoding`, `PlanesEncoding` (the whole grid as feature planes) and
/// `PartialViewEncoding` (an agent-centred window). The registry picks one from the
/// `observation` option.
public protocol GridObservationEncoding: Sendable {
    /// The space observations lie in.
    associatedtype ObservationSpace: Space

    /// The space of observations on the encoding's map.
    var observationSpace: ObservationSpace { get }

    /// The observation of the agent standing on `cell` of `map`.
    ///
    /// - Precondition: `map` is the map the encoding was made for.
    func observation(cell: Int, on map: GridMap) -> ObservationSpace.Element

    /// How many cells the agent sees on each side of its own, when it sees only an
    /// agent-centred window; `nil` when nothing of the map is hidden from it. The `rgb` render
    /// shades the cells outside the window.
    var viewRadius: Int? { get }
}

extension GridObservationEncoding {
    /// `nil`: the whole map, as far as it is shown at all, is visible.
    public var viewRadius: Int? { nil }
}
