/// A function of two numbers applied element-wise by ``broadcastBinary(_:_:_:_:_:_:_:)``.
protocol BinaryFunction {
    func callAsFunction(_ lhs: Float, _ rhs: Float) -> Float
}

/// The binary functions of tensor arithmetic, one small type each so loops specialise.
enum Binary {
    struct Add: BinaryFunction { func callAsFunction(_ a: Float, _ b: Float) -> Float { a + b } }
    struct Subtract: BinaryFunction { func callAsFunction(_ a: Float, _ b: Float) -> Float { a - b } }
    struct Multiply: BinaryFunction { func callAsFunction(_ a: Float, _ b: Float) -> Float { a * b } }
    struct Divide: BinaryFunction { func callAsFunction(_ a: Float, _ b: Float) -> Float { a / b } }
    /// A caller's closure (``Tensor/zipWith(_:_:)``).
    struct Closure: BinaryFunction {
        let body: (Float, Float) -> Float
        func callAsFunction(_ a: Float, _ b: Float) -> Float { body(a, b) }
    }
}

/// The shape two operands broadcast to, NumPy's rule: axes aligned from the end, each pair
/// equal or one of them 1.
/// - Precondition: the shapes are broadcast-compatible.
func broadcastExtents(_ lhs: Extents, _ rhs: Extents) -> Extents {
    let rank = Swift.max(lhs.rank, rhs.rank)
    var result = Extents(ones: rank)
    for axis in 0..<rank {
        let left = axis < rank - lhs.rank ? 1 : lhs[axis - (rank - lhs.rank)]
        let right = axis < rank - rhs.rank ? 1 : rhs[axis - (rank - rhs.rank)]
        precondition(left == right || left == 1 || right == 1, "expected broadcast-compatible shapes, got \(lhs.array) and \(rhs.array)")
        result[axis] = left == 1 ? right : left
    }
    return result
}

/// The strides of an operand of shape `shape` read at the indices of `target` (0 along
/// broadcast axes).
func broadcastStrides(of shape: Extents, to target: Extents) -> SIMD8<Int> {
    let own = shape.strides
    let offset = target.rank - shape.rank
    var result = SIMD8<Int>()
    for axis in 0..<target.rank where axis >= offset && shape[axis - offset] != 1 {
        result[axis] = own[axis - offset]
    }
    return result
}

/// Whether `suffix` equals the last axes of `shape`.
private func isSuffix(_ suffix: Extents, of shape: Extents) -> Bool {
    guard suffix.rank <= shape.rank else { return false }
    let offset = shape.rank - suffix.rank
    for axis in 0..<suffix.rank where suffix[axis] != shape[axis + offset] { return false }
    return true
}

/// `out[i] = f(lhs[i'], rhs[i''])` over the broadcast of the two shapes (``broadcastExtents(_:_:)``),
/// with fast paths for equal shapes, a one-element operand, a trailing-axes operand and an
/// operand repeated along trailing axes.
func broadcastBinary<F: BinaryFunction>(
    _ f: F, _ lhs: UnsafePointer<Float>, _ lhsShape: Extents, _ rhs: UnsafePointer<Float>, _ rhsShape: Extents,
    _ out: UnsafeMutablePointer<Float>, _ outShape: Extents
) {
    let total = outShape.count
    if lhsShape == rhsShape {
        for index in 0..<total { out[index] = f(lhs[index], rhs[index]) }
    } else if rhsShape.count == 1 {
        let value = rhs[0]
        for index in 0..<total { out[index] = f(lhs[index], value) }
    } else if isSuffix(rhsShape, of: lhsShape) {
        let width = rhsShape.count
        var start = 0
        while start < total {
            for index in 0..<width { out[start + index] = f(lhs[start + index], rhs[index]) }
            start += width
        }
    } else if isSuffix(lhsShape, of: rhsShape) {
        let width = lhsShape.count
        var start = 0
        while start < total {
            for index in 0..<width { out[start + index] = f(lhs[index], rhs[start + index]) }
            start += width
        }
    } else if lhsShape == outShape, let repeats = trailingRepeats(of: rhsShape, to: outShape) {
        // Each right element meets a contiguous run: `x - logSumExp(x)` over [n, k] and [n, 1].
        for row in 0..<rhsShape.count {
            let value = rhs[row], start = row * repeats
            for index in start..<(start + repeats) { out[index] = f(lhs[index], value) }
        }
    } else if rhsShape == outShape, let repeats = trailingRepeats(of: lhsShape, to: outShape) {
        for row in 0..<lhsShape.count {
            let value = lhs[row], start = row * repeats
            for index in start..<(start + repeats) { out[index] = f(value, rhs[index]) }
        }
    } else {
        let left = broadcastStrides(of: lhsShape, to: outShape)
        let right = broadcastStrides(of: rhsShape, to: outShape)
        walk(outShape, left, right) { flat, leftOffset, rightOffset in
            out[flat] = f(lhs[leftOffset], rhs[rightOffset])
        }
    }
}

/// Calls `body(flat, offsetA, offsetB)` for every index of `shape` in row-major order, with the
/// offsets of two operands read with strides `a` and `b`.
@inline(__always)
func walk(_ shape: Extents, _ a: SIMD8<Int>, _ b: SIMD8<Int>, _ body: (Int, Int, Int) -> Void) {
    let total = shape.count
    let rank = shape.rank
    var index = SIMD8<Int>()
    var offsetA = 0, offsetB = 0
    for flat in 0..<total {
        body(flat, offsetA, offsetB)
        var axis = rank - 1
        while axis >= 0 {
            index[axis] += 1
            offsetA += a[axis]
            offsetB += b[axis]
            if index[axis] < shape[axis] { break }
            offsetA -= a[axis] * shape[axis]
            offsetB -= b[axis] * shape[axis]
            index[axis] = 0
            axis -= 1
        }
    }
}

/// Calls `body(flat, leftOffset, rightOffset)` for every index of `shape`, the broadcast of
/// `left` and `right`, with each operand's offset.
func walkBroadcast(_ left: Extents, _ right: Extents, _ shape: Extents, _ body: (Int, Int, Int) -> Void) {
    walk(shape, broadcastStrides(of: left, to: shape), broadcastStrides(of: right, to: shape), body)
}

/// `out = source` broadcast to `target` (each element of `out` reads the source element it
/// broadcasts from).
func broadcastCopy(_ source: UnsafePointer<Float>, _ sourceShape: Extents, _ out: UnsafeMutablePointer<Float>, _ target: Extents) {
    if sourceShape.count == target.count {
        out.update(from: source, count: target.count)
        return
    }
    if let repeats = trailingRepeats(of: sourceShape, to: target) {
        // Each source element fills a contiguous run (a scalar, or a column such as [n, 1] to [n, k]).
        for index in 0..<sourceShape.count { (out + index * repeats).update(repeating: source[index], count: repeats) }
        return
    }
    let strides = broadcastStrides(of: sourceShape, to: target)
    walk(target, strides, SIMD8<Int>()) { flat, offset, _ in out[flat] = source[offset] }
}

/// How many times each element of `source` repeats, in a contiguous run, when it broadcasts to
/// `target` along trailing axes only (its other axes equal `target`'s, leading ones of extent 1
/// allowed); `nil` for any other broadcast.
private func trailingRepeats(of source: Extents, to target: Extents) -> Int? {
    guard source.count > 0 else { return nil }
    let offset = target.rank - source.rank
    var repeats = 1
    var axis = target.rank - 1
    while axis >= 0 && (axis < offset || source[axis - offset] == 1) {
        repeats *= target[axis]
        axis -= 1
    }
    while axis >= 0 {
        guard axis >= offset && source[axis - offset] == target[axis] else { return nil }
        axis -= 1
    }
    return repeats
}

/// A set of axes, as bits.
struct AxisSet: Equatable {
    var bits: UInt8 = 0

    /// Whether `axis` is in the set.
    func contains(_ axis: Int) -> Bool { bits & (1 << UInt8(axis)) != 0 }

    /// Adds `axis`.
    mutating func insert(_ axis: Int) { bits |= 1 << UInt8(axis) }

    /// The axes that `source` sums over to reach `target` when `target` broadcasts to it: the
    /// leading extra axes and those where `target` has extent 1 and `source` does not.
    static func reduction(from source: Extents, to target: Extents) -> AxisSet {
        var axes = AxisSet()
        let offset = source.rank - target.rank
        for axis in 0..<offset { axes.insert(axis) }
        for axis in 0..<target.rank where target[axis] == 1 && source[axis + offset] != 1 {
            axes.insert(axis + offset)
        }
        return axes
    }
}

/// Sums `input` (shape `shape`) over `axes`, keeping them as extent 1, into `out`: one axis at a
/// time from the last, each sum adding its terms in axis order, as ``Tensor/sum(alongAxes:keepingDimensions:)``
/// always has. Intermediate results of several axes go through scratch buffers of `tape`.
func sumAxes(_ input: UnsafePointer<Float>, _ shape: Extents, _ axes: AxisSet, into out: UnsafeMutablePointer<Float>, tape: Tape?) {
    var count = 0
    for axis in 0..<shape.rank where axes.contains(axis) { count += 1 }
    if count == 0 {
        out.update(from: input, count: shape.count)
        return
    }
    var current = shape
    var source = input
    var done = 0
    withScratch(tape, count > 1 ? shape.count : 0) { first in
        withScratch(tape, count > 2 ? shape.count : 0) { second in
            for axis in stride(from: shape.rank - 1, through: 0, by: -1) where axes.contains(axis) {
                done += 1
                let target = done == count ? out : (done % 2 == 1 ? first : second)
                sumAlong(axis, source, current, into: target)
                current[axis] = 1
                source = UnsafePointer(target)
            }
        }
    }
}

/// One reduction pass: sums `input` along `axis` into `out` (shape with that axis 1), whole
/// rows of the inner extent at a time so reads are contiguous and vectorise.
func sumAlong(_ axis: Int, _ input: UnsafePointer<Float>, _ shape: Extents, into out: UnsafeMutablePointer<Float>) {
    let outer = shape.count(before: axis), extent = shape[axis], inner = shape.count(after: axis)
    if inner == 1 {
        // Along the last axis: one running sum per row, kept in a register.
        for block in 0..<outer {
            let row = input + block * extent
            var total: Float = 0
            for step in 0..<extent { total += row[step] }
            out[block] = total
        }
        return
    }
    for block in 0..<outer {
        let target = out + block * inner
        target.update(repeating: 0, count: inner)
        for step in 0..<extent {
            let source = input + (block * extent + step) * inner
            for offset in 0..<inner { target[offset] += source[offset] }
        }
    }
}

/// Sums a gradient of shape `source` down to the shape `target` that broadcast to it (the
/// backward pass of broadcasting arithmetic), writing every element of `out`.
func reduceToShape(_ gradient: UnsafePointer<Float>, _ source: Extents, into out: UnsafeMutablePointer<Float>, _ target: Extents, tape: Tape?) {
    sumAxes(gradient, source, AxisSet.reduction(from: source, to: target), into: out, tape: tape)
}
