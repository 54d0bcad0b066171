#if SDL
import CSDL2

/// The version of SDL this viewer was built against, as "major.minor.patch".
public func linkedSDLVersion() -> String {
    var version = SDL_version()
    SDL_GetVersion(&version)
    return "\(version.major).\(version.minor).\(version.patch)"
}
#endif
