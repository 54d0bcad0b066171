/// Masks over the last axis of a variable: disallowed entries (illegal actions) take a constant
/// and receive no gradient.
extension Variable {
    /// This variable where `mask` is `true`, `fill` where it is `false`; the gradient flows only
    /// to allowed entries.
    ///
    /// - Parameter mask: one flag per element, in row-major order.
    /// - Precondition: `mask.count == value.count`.
    public func masked(by mask: [Bool], fill: Float) -> Variable {
        precondition(mask.count == value.count, "expected \(value.count) mask flags for shape \(shape), got \(mask.count)")
        return masked(fill: fill) { mask[$0] }
    }

    /// ``masked(by:fill:)`` with one row of flags per row of a `[N, C]` variable.
    /// - Precondition: `mask` has `N` rows of `C` flags.
    public func masked(byRows mask: [[Bool]], fill: Float) -> Variable {
        precondition(value.rank == 2 && mask.count == shape[0] && mask.allSatisfy { $0.count == shape[1] },
                      "expected a mask of \(shape), got \(mask.count) rows")
        let columns = shape[1]
        return masked(fill: fill) { mask[$0 / columns][$0 % columns] }
    }

    private func masked(fill: Float, isAllowed: (Int) -> Bool) -> Variable {
        let count = value.count
        let node = Variable.recording(.maskedFill, self, shape: value.extents)
        node.saved.prepareScalars(count)
        node.saved.scalars.withUnsafeMutableBufferPointer { keep in
            node.writeValue { out in
                value.withPointer { x in
                    for index in 0..<count {
                        let allowed = isAllowed(index)
                        keep[index] = allowed ? 1 : 0
                        out[index] = allowed ? x[index] : fill
                    }
                }
            }
        }
        return node
    }

    static func backwardMaskedFill(_ node: Variable) {
        let gradient = node.upstream
        node.send(to: 0) { out in
            gradient.withPointer { g in
                node.saved.scalars.withUnsafeBufferPointer { keep in
                    for index in 0..<gradient.count { out[index] = g[index] * keep[index] }
                }
            }
        }
    }

    /// The maximum along the last axis over the allowed entries only (the greedy value of the
    /// legal actions); the gradient flows to the first allowed maximum of each row.
    /// - Precondition: every row allows at least one entry.
    public func maskedMax(alongLastAxisBy mask: [Bool]) -> Variable {
        masked(by: mask, fill: -.infinity).max(alongAxis: -1)
    }
}
