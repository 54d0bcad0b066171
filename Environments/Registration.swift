import Dojo

extension EnvironmentRegistry {
    /// Every environment Dojo ships, under Gymnasium-style ids.
    public static let standard: EnvironmentRegistry = {
        var registry = EnvironmentRegistry()
        registry.registerCartPoles()
        registry.registerGridWorlds()
        registry.registerBoardGames()
        return registry
    }()
}
