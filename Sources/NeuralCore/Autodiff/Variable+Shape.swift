/// Shape operations on variables; each moves elements and its backward rule moves the
/// gradient back.
extension Variable {
    /// The same elements with a new shape (one extent may be -1, inferred).
    public func reshaped(to newShape: [Int]) -> Variable {
        reshaped(to: value.resolvedExtents(newShape))
    }

    /// ``reshaped(to:)`` with the new shape as extents.
    func reshaped(to shape: Extents) -> Variable {
        precondition(shape.count == value.count, "expected a shape with \(value.count) elements like \(self.shape), got \(shape.array)")
        let node = Variable.recording(.reshape, self, shape: shape)
        node.writeValue { out in value.withPointer { out.update(from: $0, count: shape.count) } }
        return node
    }

    static func backwardReshape(_ node: Variable) {
        let gradient = node.upstream
        node.send(to: 0) { out in gradient.withPointer { out.update(from: $0, count: gradient.count) } }
    }

    /// `[N, ...]` flattened to `[N, -1]`.
    public func flattened() -> Variable {
        var shape = Extents.matrix(self.shape.first ?? 1, 1)
        shape[1] = value.count / Swift.max(shape[0], 1)
        return reshaped(to: shape)
    }

    /// The axes reordered: output axis `i` is input axis `axes[i]`.
    public func permuted(_ axes: [Int]) -> Variable {
        precondition(axes.sorted() == Array(0..<value.rank), "expected a permutation of 0..<\(value.rank), got \(axes)")
        return permuted(Extents(axes))
    }

    /// ``permuted(_:)`` with the permutation as extents.
    func permuted(_ axes: Extents) -> Variable {
        let shape = value.extents
        var output = Extents(ones: shape.rank)
        for axis in 0..<shape.rank { output[axis] = shape[axes[axis]] }
        let node = Variable.recording(.permute(axes: axes), self, shape: output)
        node.writeValue { out in value.withPointer { permuteCopy($0, shape, axes, into: out) } }
        return node
    }

    static func backwardPermute(_ node: Variable, _ axes: Extents) {
        var inverse = Extents(ones: axes.rank)
        for position in 0..<axes.rank { inverse[axes[position]] = position }
        let shape = node.value.extents
        let gradient = node.upstream
        node.send(to: 0) { out in gradient.withPointer { permuteCopy($0, shape, inverse, into: out) } }
    }

    /// The last two axes swapped.
    public func transposed() -> Variable {
        precondition(value.rank >= 2, "expected rank >= 2 to transpose, got shape \(shape)")
        var axes = Extents(ones: value.rank)
        for axis in 0..<value.rank { axes[axis] = axis }
        axes[value.rank - 1] = value.rank - 2
        axes[value.rank - 2] = value.rank - 1
        return permuted(axes)
    }

    /// The variables joined along `axis`; backward splits the gradient back.
    public static func concatenate(_ variables: [Variable], alongAxis axis: Int) -> Variable {
        precondition(!variables.isEmpty, "expected at least one variable to concatenate, got none")
        let first = variables[0].value.extents
        let axis = variables[0].value.normalizedAxis(axis)
        var shape = first
        shape[axis] = 0
        for variable in variables {
            var expected = first
            expected[axis] = variable.value.rank == first.rank ? variable.shape[axis] : -1
            precondition(expected.matches(variable.shape), "expected shapes matching \(first.array) except axis \(axis), got \(variable.shape)")
            shape[axis] += variable.shape[axis]
        }
        let node = recording(.concatenate(axis: axis), parents: variables, shape: shape)
        let (outer, inner) = (shape.count(before: axis), shape.count(after: axis))
        node.writeValue { out in
            var position = 0
            for block in 0..<outer {
                for variable in variables {
                    let width = variable.shape[axis] * inner
                    variable.value.withPointer { (out + position).update(from: $0 + block * width, count: width) }
                    position += width
                }
            }
        }
        return node
    }

    static func backwardConcatenate(_ node: Variable, _ axis: Int) {
        let shape = node.value.extents
        let (outer, inner) = (shape.count(before: axis), shape.count(after: axis))
        let gradient = node.upstream
        var start = 0
        for (index, parent) in node.parents.enumerated() {
            let width = parent.shape[axis] * inner
            let offset = start
            node.send(to: index) { out in
                gradient.withPointer { g in
                    for block in 0..<outer {
                        (out + block * width).update(from: g + block * shape[axis] * inner + offset, count: width)
                    }
                }
            }
            start += width
        }
    }

    /// The entries `range` of `axis`.
    public func sliced(alongAxis axis: Int, _ range: Range<Int>) -> Variable {
        let axis = value.normalizedAxis(axis)
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[axis], "expected a range within 0..<\(shape[axis]) on axis \(axis), got \(range)")
        let input = value.extents
        var shape = input
        shape[axis] = range.count
        let node = Variable.recording(.slice(axis: axis, start: range.lowerBound), self, shape: shape)
        let (outer, inner) = (input.count(before: axis), input.count(after: axis))
        node.writeValue { out in
            value.withPointer { x in
                for block in 0..<outer {
                    (out + block * range.count * inner).update(from: x + (block * input[axis] + range.lowerBound) * inner, count: range.count * inner)
                }
            }
        }
        return node
    }

    static func backwardSlice(_ node: Variable, _ axis: Int, _ start: Int) {
        let input = node.parents[0].value.extents
        let length = node.value.shape[axis]
        let (outer, inner) = (input.count(before: axis), input.count(after: axis))
        let gradient = node.upstream
        node.send(to: 0) { out in
            out.update(repeating: 0, count: input.count)
            gradient.withPointer { g in
                for block in 0..<outer {
                    (out + (block * input[axis] + start) * inner).update(from: g + block * length * inner, count: length * inner)
                }
            }
        }
    }

    /// The entries `indices` of `axis`, in that order (repeats allowed); backward adds the
    /// gradient of each copy back to its source.
    public func selecting(_ indices: [Int], alongAxis axis: Int) -> Variable {
        let axis = value.normalizedAxis(axis)
        let input = value.extents
        for index in indices {
            precondition(index >= 0 && index < input[axis], "expected indices in 0..<\(input[axis]) on axis \(axis), got \(index)")
        }
        var shape = input
        shape[axis] = indices.count
        let node = Variable.recording(.select(indices: indices, axis: axis), self, shape: shape)
        let (outer, inner) = (input.count(before: axis), input.count(after: axis))
        node.writeValue { out in
            value.withPointer { x in
                var position = 0
                for block in 0..<outer {
                    for index in indices {
                        (out + position).update(from: x + (block * input[axis] + index) * inner, count: inner)
                        position += inner
                    }
                }
            }
        }
        return node
    }

    static func backwardSelect(_ node: Variable, _ indices: [Int], _ axis: Int) {
        let input = node.parents[0].value.extents
        let (outer, inner) = (input.count(before: axis), input.count(after: axis))
        let gradient = node.upstream
        node.send(to: 0) { out in
            out.update(repeating: 0, count: input.count)
            gradient.withPointer { g in
                for block in 0..<outer {
                    for (position, index) in indices.enumerated() {
                        let source = (block * indices.count + position) * inner
                        let target = (block * input[axis] + index) * inner
                        for offset in 0..<inner { out[target + offset] += g[source + offset] }
                    }
                }
            }
        }
    }

    /// One entry of the last axis per row: `output[r] = self[r, indices[r]]` (the Q-value of
    /// each taken action); backward puts each row's gradient back at its index.
    public func gathering(_ indices: [Int]) -> Variable {
        let classes = shape.last ?? 1
        let rows = value.count / Swift.max(classes, 1)
        precondition(indices.count == rows, "expected \(rows) indices (one per row of \(shape)), got \(indices.count)")
        let node = Variable.recording(.gather, self, shape: value.extents.removing(value.rank - 1))
        node.saved.prepareIndices(rows)
        for row in 0..<rows { node.saved.indices[row] = indices[row] }
        node.writeValue { out in
            value.withPointer { x in
                for (row, index) in indices.enumerated() {
                    precondition(index >= 0 && index < classes, "expected indices in 0..<\(classes), got \(index)")
                    out[row] = x[row * classes + index]
                }
            }
        }
        return node
    }

    static func backwardGather(_ node: Variable) {
        let indices = node.saved.indices
        let input = node.parents[0].value
        let classes = input.shape.last ?? 1
        let gradient = node.upstream
        node.send(to: 0) { out in
            out.update(repeating: 0, count: input.count)
            gradient.withPointer { g in
                for (row, index) in indices.enumerated() { out[row * classes + index] = g[row] }
            }
        }
    }
}

/// Copies `source` (shape `shape`) into `out` with its axes permuted: output axis `i` is input
/// axis `axes[i]`.
func permuteCopy(_ source: UnsafePointer<Float>, _ shape: Extents, _ axes: Extents, into out: UnsafeMutablePointer<Float>) {
    let sourceStrides = shape.strides
    var output = Extents(ones: shape.rank)
    var strides = SIMD8<Int>()
    for axis in 0..<shape.rank {
        output[axis] = shape[axes[axis]]
        strides[axis] = sourceStrides[axes[axis]]
    }
    walk(output, strides, SIMD8<Int>()) { flat, offset, _ in out[flat] = source[offset] }
}

extension Tensor {
    /// `newShape` with a -1 extent inferred from the element count.
    /// - Precondition: the shape has as many elements as this tensor.
    func resolvedExtents(_ newShape: [Int]) -> Extents {
        var resolved = Extents(newShape)
        if let inferred = newShape.firstIndex(of: -1) {
            var known = 1
            for (axis, extent) in newShape.enumerated() where axis != inferred { known *= extent }
            precondition(known > 0 && count % known == 0, "expected a shape compatible with \(shape), got \(newShape)")
            resolved[inferred] = count / known
        }
        precondition(resolved.count == count, "expected a shape with \(count) elements like \(shape), got \(newShape)")
        return resolved
    }
}
