import Dojo

extension GridWorld {
    /// `.ansi` gives `textRendering`; RGB frames are not drawn yet.
    public func render(_ mode: RenderMode) -> RenderOutput? {
        switch mode {
        case .ansi: .text(textRendering)
        case .rgb: nil
        }
    }

    /// The map as FrozenLake's `ansi` render draws it: a first line naming the last action
    /// (`  (Down)`, empty after a reset), then one line per row in canonical letters with the
    /// agent's cell on a red background (`ESC[41m` ... `ESC[0m`).
    public var textRendering: String {
        var text = lastAction.map { "  (\($0.name))\n" } ?? "\n"
        for row in 0..<map.rows {
            for column in 0..<map.columns {
                let index = row * map.columns + column
                let symbol = String(map.tiles[index].symbol)
                text += index == cell ? "\u{1B}[41m\(symbol)\u{1B}[0m" : symbol
            }
            text += "\n"
        }
        return text
    }
}
