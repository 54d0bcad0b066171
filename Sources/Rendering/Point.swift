/// A position on a canvas in pixel units: (0, 0) is the top-left corner of the frame, x grows
/// to the right and y grows downwards.
///
/// Pixel (i, j) is the unit square from (i, j) to (i + 1, j + 1); its centre is
/// (i + 0.5, j + 0.5). Shapes cover the pixels whose centres they contain (see `Canvas`).
public struct Point: Sendable, Hashable {
    /// Horizontal position, growing to the right.
    public var x: Double
    /// Vertical position, growing downwards.
    public var y: Double

    /// Creates the point (`x`, `y`).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Creates the point (`x`, `y`) from integer coordinates.
    public init(_ x: Int, _ y: Int) {
        self.x = Double(x)
        self.y = Double(y)
    }

    /// The centre of pixel (`x`, `y`): (`x` + 0.5, `y` + 0.5).
    public static func centre(ofPixel x: Int, _ y: Int) -> Point {
        Point(Double(x) + 0.5, Double(y) + 0.5)
    }
}
