/// Element-wise arithmetic with NumPy-style broadcasting.
///
/// Shapes are aligned at their trailing axes; an extent of 1 (or a missing axis) stretches to
/// match the other operand. The loops are the broadcasting kernels the variables' operations
/// use (``broadcastBinary(_:_:_:_:_:_:_:)``).
extension Tensor {
    /// The broadcast result shape of two shapes.
    /// - Precondition: the shapes are broadcast-compatible.
    public static func broadcastShape(_ lhs: [Int], _ rhs: [Int]) -> [Int] {
        broadcastExtents(Extents(lhs), Extents(rhs)).array
    }

    /// Applies `transform` to every element.
    /// - Complexity: O(n).
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// Combines two tensors element-wise after broadcasting them to a common shape.
    /// - Complexity: O(n) in the result's element count.
    public func zipWith(_ other: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        withoutActuallyEscaping(combine) { combined(with: other, Binary.Closure(body: $0)) }
    }

    /// `f(self, other)` element-wise with broadcasting, into a new tensor.
    func combined<F: BinaryFunction>(with other: Tensor, _ f: F) -> Tensor {
        let (left, right) = (extents, other.extents)
        let shape = broadcastExtents(left, right)
        var result = Tensor(zeros: shape)
        result.scalars.withUnsafeMutableBufferPointer { out in
            withPointer { a in other.withPointer { b in broadcastBinary(f, a, left, b, right, out.baseAddress!, shape) } }
        }
        return result
    }

    /// The tensor materialised at a larger broadcast-compatible shape.
    public func broadcast(to target: [Int]) -> Tensor {
        precondition(Tensor.broadcastShape(shape, target) == target, "expected a shape broadcastable to \(target), got \(shape)")
        if shape == target { return self }
        let targetExtents = Extents(target)
        var result = Tensor(zeros: targetExtents)
        result.scalars.withUnsafeMutableBufferPointer { out in
            withPointer { broadcastCopy($0, extents, out.baseAddress!, targetExtents) }
        }
        return result
    }

    /// Sums a broadcast result back down to `target`, the reverse of ``broadcast(to:)``;
    /// the backward rule of broadcasting operations.
    public func reduced(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        let targetExtents = Extents(target)
        var result = Tensor(zeros: targetExtents)
        result.scalars.withUnsafeMutableBufferPointer { out in
            withPointer { reduceToShape($0, extents, into: out.baseAddress!, targetExtents, tape: nil) }
        }
        return result
    }

    /// Element-wise sum with broadcasting.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, Binary.Add()) }
    /// Element-wise difference with broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, Binary.Subtract()) }
    /// Element-wise product with broadcasting.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, Binary.Multiply()) }
    /// Element-wise quotient with broadcasting.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.combined(with: rhs, Binary.Divide()) }
    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 + rhs } }
    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 - rhs } }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 * rhs } }
    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 / rhs } }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    /// Negates every element.
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// Adds `other` into `self` in place, element by element.
    /// - Precondition: the shapes are equal.
    public static func += (lhs: inout Tensor, rhs: Tensor) {
        precondition(lhs.shape == rhs.shape, "expected shape \(lhs.shape), got \(rhs.shape)")
        lhs.scalars.withUnsafeMutableBufferPointer { target in
            rhs.scalars.withUnsafeBufferPointer { source in
                for index in 0..<target.count { target[index] += source[index] }
            }
        }
    }
}
