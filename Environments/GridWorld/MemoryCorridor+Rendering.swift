import Dojo

extension MemoryCorridor {
    /// `.ansi` gives `textRendering`; RGB frames are not drawn yet.
    public func render(_ mode: RenderMode) -> RenderOutput? {
        switch mode {
        case .ansi: .text(textRendering)
        case .rgb: nil
        }
    }

    /// Three rows in the grid-map letters, as `GridWorld` draws: walls, the up end (`G` or
    /// `H`, showing where the goal really is), the corridor from `S`, and the down end; the
    /// agent on a red background, the last action on the first line.
    public var textRendering: String {
        let walls = String(repeating: "#", count: length - 1)
        var rows = [
            walls + (isGoalUp ? "G" : "H"),
            "S" + String(repeating: "F", count: length - 1),
            walls + (isGoalUp ? "H" : "G"),
        ].map { Array($0).map(String.init) }
        let row = enteredEnd.map { $0 == .up ? 0 : 2 } ?? 1
        let agentColumn = enteredEnd == nil ? column : length - 1
        rows[row][agentColumn] = "\u{1B}[41m\(rows[row][agentColumn])\u{1B}[0m"
        let header = lastAction.map { "  (\($0.name))\n" } ?? "\n"
        return header + rows.map { $0.joined() + "\n" }.joined()
    }
}
