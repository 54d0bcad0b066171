import Foundation

/// One line of a terminal redrawn in place (carriage return, erase the line, the new text),
/// as the progress output of `dojo train` draws it.
struct LiveLine {
    private(set) var isDrawn = false

    /// Replaces the line with `text`.
    mutating func draw(_ text: String) {
        print("\r\u{1B}[2K\(text)", terminator: "")
        fflush(nil)
        isDrawn = true
    }

    /// Moves past the line, so what follows starts on a line of its own.
    mutating func end() {
        if isDrawn { print("") }
        isDrawn = false
    }
}
