import ArgumentParser
import Dojo

#if !SDL
extension PlayCommand {
    /// Without the SDL trait there is no window: say how to get one, and how to play without it.
    func playInWindow(options: Options) throws {
        throw CommandError(
            "this dojo was built without the SDL window; rebuild with `swift build --traits SDL` "
                + "(needs libsdl2-dev), or play in the terminal without --window")
    }
}
#endif
