/// Reductions, softmax and log-softmax of variables.
extension Variable {
    /// Sum over `axes` (all when `nil`), optionally keeping them as extent 1.
    ///
    /// Backward: the gradient is broadcast back over the summed axes.
    public func sum(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Variable {
        let shape = value.extents
        let set = AxisSet(resolving: axes, rank: shape.rank)
        let node = Variable.recording(.sum(axes: set), self, shape: shape.reducing(set, keepingDimensions: keepingDimensions))
        node.writeValue { out in value.withPointer { sumAxes($0, shape, set, into: out, tape: node.tape) } }
        return node
    }

    static func backwardSum(_ node: Variable, _ axes: AxisSet) {
        let input = node.parents[0].value.extents
        let gradient = node.upstream
        node.send(to: 0) { out in gradient.withPointer { broadcastCopy($0, input.reducing(axes, keepingDimensions: true), out, input) } }
    }

    /// Mean over `axes` (all when `nil`).
    public func mean(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Variable {
        let shape = value.extents
        let set = AxisSet(resolving: axes, rank: shape.rank)
        var divisor = 1
        for axis in 0..<shape.rank where set.contains(axis) { divisor *= shape[axis] }
        return sum(alongAxes: axes, keepingDimensions: keepingDimensions) / Float(Swift.max(divisor, 1))
    }

    /// Maximum along `axis`; the gradient flows to the first maximal element.
    public func max(alongAxis axis: Int, keepingDimensions: Bool = false) -> Variable {
        let shape = value.extents
        let axis = value.normalizedAxis(axis)
        let kept = shape.collapsing(axis)
        let node = Variable.recording(.maxAlong(axis: axis), self, shape: keepingDimensions ? kept : shape.removing(axis))
        node.saved.prepareIndices(kept.count)
        node.saved.indices.withUnsafeMutableBufferPointer { winners in
            node.writeValue { out in value.withPointer { maxAlong(axis, $0, shape, values: out, winners: winners.baseAddress!) } }
        }
        return node
    }

    static func backwardMax(_ node: Variable, _ axis: Int) {
        let input = node.parents[0].value.extents
        let (extent, inner) = (input[axis], input.count(after: axis))
        let gradient = node.upstream
        node.send(to: 0) { out in
            out.update(repeating: 0, count: input.count)
            gradient.withPointer { g in
                for (flat, index) in node.saved.indices.enumerated() {
                    out[(flat / inner * extent + index) * inner + flat % inner] = g[flat]
                }
            }
        }
    }

    /// `log Σ exp(x)` along `axis`, computed stably (shifted by the maximum).
    ///
    /// Backward: `∂x = softmax(x) · ∂y`.
    public func logSumExp(alongAxis axis: Int, keepingDimensions: Bool = false) -> Variable {
        let shape = value.extents
        let axis = value.normalizedAxis(axis)
        let kept = shape.collapsing(axis)
        let node = Variable.recording(.logSumExp(axis: axis), self, shape: keepingDimensions ? kept : shape.removing(axis))
        node.writeValue { out in value.withPointer { logSumExpAlong(axis, $0, shape, into: out, tape: node.tape) } }
        return node
    }

    static func backwardLogSumExp(_ node: Variable, _ axis: Int) {
        let input = node.parents[0].value
        let shape = input.extents
        let (outer, extent, inner) = (shape.count(before: axis), shape[axis], shape.count(after: axis))
        let gradient = node.upstream
        node.send(to: 0) { out in
            input.withPointer { x in
                node.value.withPointer { kept in
                    gradient.withPointer { g in
                        for block in 0..<outer {
                            for step in 0..<extent {
                                for offset in 0..<inner {
                                    let reduced = block * inner + offset
                                    let flat = (block * extent + step) * inner + offset
                                    out[flat] = _exp(x[flat] - kept[reduced]) * g[reduced]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Softmax along `axis`: `exp(x - logSumExp(x))`.
    public func softmax(alongAxis axis: Int = -1) -> Variable {
        logSoftmax(alongAxis: axis).exp()
    }

    /// Log-softmax along `axis`: `x - logSumExp(x)`, numerically stable.
    public func logSoftmax(alongAxis axis: Int = -1) -> Variable {
        self - logSumExp(alongAxis: axis, keepingDimensions: true)
    }
}

extension AxisSet {
    /// The axes of `axes` (negative ones counted from the end), or every axis when `nil`.
    /// - Precondition: each axis lies in `-rank..<rank`.
    init(resolving axes: [Int]?, rank: Int) {
        self.init()
        guard let axes else {
            for axis in 0..<rank { insert(axis) }
            return
        }
        for axis in axes {
            let resolved = axis < 0 ? axis + rank : axis
            precondition(resolved >= 0 && resolved < rank, "expected an axis in \(-rank)..<\(rank), got \(axis)")
            insert(resolved)
        }
    }
}

extension Extents {
    /// The shape after reducing over `axes`: each kept as extent 1, or dropped.
    func reducing(_ axes: AxisSet, keepingDimensions: Bool) -> Extents {
        if keepingDimensions {
            var result = self
            for axis in 0..<rank where axes.contains(axis) { result[axis] = 1 }
            return result
        }
        var kept = 0
        for axis in 0..<rank where !axes.contains(axis) { kept += 1 }
        var result = Extents(ones: kept)
        var position = 0
        for axis in 0..<rank where !axes.contains(axis) {
            result[position] = self[axis]
            position += 1
        }
        return result
    }
}
