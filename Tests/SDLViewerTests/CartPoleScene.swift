import Dojo
import Environments
import Rendering
import SDLViewer

/// Random-action CartPole episodes as a viewer scene.
final class CartPoleScene: ViewerScene {
    /// The environment, in the state of the frame shown last.
    private(set) var cartPole = CartPole()
    private var generator = SeededGenerator(seed: 1)
    private let episodes: Int
    private var episode = 0
    private(set) var steps = 0
    private(set) var isEpisodeOver = false

    init(episodes: Int) throws {
        self.episodes = episodes
    }

    func restart() -> Frame {
        _ = try? cartPole.reset(seed: episode == 0 ? 0 : nil)
        episode += 1
        isEpisodeOver = false
        return cartPole.frame
    }

    func advance() -> Frame? {
        let result = cartPole.step(Int(generator.next() % 2))
        steps += 1
        isEpisodeOver = result.isDone
        return cartPole.frame
    }

    func click(x: Int, y: Int) -> Frame? { nil }
    var isFinished: Bool { episode >= episodes && isEpisodeOver }
    var caption: String { "episode \(episode) step \(steps)" }
}
