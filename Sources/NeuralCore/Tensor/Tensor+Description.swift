/// A short printable form for debugging: the shape and up to eight leading elements.
extension Tensor: CustomStringConvertible {
    /// `Tensor([2, 3]: 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)`, with `…` after eight elements.
    public var description: String {
        let shown = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(\(shape): \(shown)\(count > 8 ? ", …" : ""))"
    }
}
