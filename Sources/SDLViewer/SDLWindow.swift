#if SDL
import CSDL2
import Rendering

/// A desktop window that shows `Frame`s, scaled by a whole number, and reports key and mouse input.
///
/// SDL's video subsystem is started on creation and stopped when the window is released. The
/// window works under any SDL video driver: a desktop, Xvfb, or the `offscreen`/`dummy`
/// drivers used in tests (set `SDL_VIDEODRIVER` before creating it).
public final class SDLWindow: ViewerDisplay {
    /// Frame width in pixels (the window is `scale` times larger).
    public let width: Int
    /// Frame height in pixels.
    public let height: Int
    /// Window pixels per frame pixel.
    public let scale: Int
    private let window: OpaquePointer
    private let renderer: OpaquePointer
    private let texture: OpaquePointer

    /// Opens a window for frames of `width` x `height` shown `scale` times larger.
    ///
    /// - Throws: `SDLError` with `SDL_GetError()`'s text when SDL cannot start or open the window
    ///   (no display, no video driver).
    /// - Precondition: positive sizes and scale.
    public init(title: String, width: Int, height: Int, scale: Int = 1) throws(SDLError) {
        precondition(width > 0 && height > 0 && scale > 0, "expected positive sizes and scale, got \(width)x\(height) x\(scale)")
        self.width = width
        self.height = height
        self.scale = scale
        guard SDL_InitSubSystem(SDL_INIT_VIDEO) == 0 else { throw SDLError("SDL_InitSubSystem(SDL_INIT_VIDEO)") }
        let centred = Int32(bitPattern: SDL_WINDOWPOS_CENTERED_MASK)
        guard let window = SDL_CreateWindow(title, centred, centred, Int32(width * scale), Int32(height * scale), SDL_WINDOW_SHOWN.rawValue) else {
            let error = SDLError("SDL_CreateWindow")
            SDL_QuitSubSystem(SDL_INIT_VIDEO)
            throw error
        }
        guard let renderer = SDL_CreateRenderer(window, -1, 0) else {
            let error = SDLError("SDL_CreateRenderer")
            SDL_DestroyWindow(window)
            SDL_QuitSubSystem(SDL_INIT_VIDEO)
            throw error
        }
        guard let texture = SDL_CreateTexture(
            renderer, SDL_PIXELFORMAT_RGB24.rawValue, Int32(SDL_TEXTUREACCESS_STREAMING.rawValue), Int32(width), Int32(height))
        else {
            let error = SDLError("SDL_CreateTexture")
            SDL_DestroyRenderer(renderer)
            SDL_DestroyWindow(window)
            SDL_QuitSubSystem(SDL_INIT_VIDEO)
            throw error
        }
        self.window = window
        self.renderer = renderer
        self.texture = texture
    }

    deinit {
        SDL_DestroyTexture(texture)
        SDL_DestroyRenderer(renderer)
        SDL_DestroyWindow(window)
        SDL_QuitSubSystem(SDL_INIT_VIDEO)
    }

    /// The window's top-left corner on the screen, in screen pixels.
    public var position: (x: Int, y: Int) {
        var x: Int32 = 0, y: Int32 = 0
        SDL_GetWindowPosition(window, &x, &y)
        return (Int(x), Int(y))
    }

    /// Shows `frame`, scaled to the window.
    ///
    /// - Precondition: the frame has the window's frame size.
    public func show(_ frame: Frame) {
        precondition(frame.width == width && frame.height == height,
                     "expected a \(width)x\(height) frame, got \(frame.width)x\(frame.height)")
        frame.pixels.withUnsafeBytes { bytes in
            _ = SDL_UpdateTexture(texture, nil, bytes.baseAddress, Int32(width * 3))
        }
        SDL_RenderClear(renderer)
        SDL_RenderCopy(renderer, texture, nil, nil)
        SDL_RenderPresent(renderer)
    }

    /// Waits up to `milliseconds` for input and returns it, or `nil` on time-out.
    ///
    /// The wait sleeps in SDL's event queue rather than polling, so an idle viewer uses no CPU.
    /// Pass `nil` to wait until something happens.
    public func nextInput(waitingAtMost milliseconds: Int?) -> ViewerInput? {
        var event = SDL_Event()
        var deadline = milliseconds.map { SDL_GetTicks64() + UInt64(max(0, $0)) }
        while true {
            let received: Int32
            if let deadline {
                let now = SDL_GetTicks64()
                guard now < deadline else { return nil }
                received = SDL_WaitEventTimeout(&event, Int32(deadline - now))
            } else {
                received = SDL_WaitEvent(&event)
            }
            if received == 0 {
                if deadline == nil { return .quit }
                deadline = deadline.map { min($0, SDL_GetTicks64()) }
                continue
            }
            if let input = decode(event) { return input }
        }
    }

    private func decode(_ event: SDL_Event) -> ViewerInput? {
        switch SDL_EventType(event.type) {
        case SDL_QUIT:
            return .quit
        case SDL_WINDOWEVENT where SDL_WindowEventID(UInt32(event.window.event)) == SDL_WINDOWEVENT_CLOSE:
            return .quit
        case SDL_KEYDOWN:
            return Self.input(forKey: event.key.keysym.sym)
        case SDL_MOUSEBUTTONDOWN where event.button.button == UInt8(SDL_BUTTON_LEFT):
            return .click(x: Int(event.button.x) / scale, y: Int(event.button.y) / scale)
        default:
            return nil
        }
    }

    private static func input(forKey key: SDL_Keycode) -> ViewerInput? {
        switch Int(key) {
        case Int(SDLK_ESCAPE.rawValue), Int(SDLK_q.rawValue): .quit
        case Int(SDLK_SPACE.rawValue): .togglePause
        case Int(SDLK_RIGHT.rawValue): .stepOnce
        case Int(SDLK_PLUS.rawValue), Int(SDLK_EQUALS.rawValue), Int(SDLK_KP_PLUS.rawValue): .faster
        case Int(SDLK_MINUS.rawValue), Int(SDLK_KP_MINUS.rawValue): .slower
        case Int(SDLK_r.rawValue): .restart
        default: nil
        }
    }
}
#endif
