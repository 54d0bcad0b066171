/// Reductions of variables; each backward rule broadcasts the gradient back over the reduced axes.
extension Variable {
    /// Sum over `axes` (all when `nil`); backward broadcasts the gradient back.
    public func sum(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Variable {
        let input = value
        let kept = input.sum(alongAxes: axes, keepingDimensions: true)
        let output = keepingDimensions ? kept : input.sum(alongAxes: axes, keepingDimensions: false)
        return Variable(output, parents: [self]) { gradient in
            [gradient.reshaped(to: kept.shape).broadcast(to: input.shape)]
        }
    }

    /// Mean over `axes` (all when `nil`); the sum scaled by the number of averaged elements.
    public func mean(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Variable {
        let resolved = (axes ?? Array(0..<value.rank)).map(value.normalizedAxis)
        let divisor = Set(resolved).reduce(1) { $0 * shape[$1] }
        return sum(alongAxes: resolved, keepingDimensions: keepingDimensions) / Float(Swift.max(divisor, 1))
    }

    /// Maximum along one axis; the gradient flows to the first maximal entry.
    public func max(alongAxis axis: Int, keepingDimensions: Bool = false) -> Variable {
        let input = value
        let axis = input.normalizedAxis(axis)
        let winners = input.argmax(alongAxis: axis)
        let output = input.max(alongAxis: axis, keepingDimensions: keepingDimensions)
        return Variable(output, parents: [self]) { gradient in
            let inner = input.shape[(axis + 1)...].reduce(1, *)
            let extent = input.shape[axis]
            var local = [Float](repeating: 0, count: input.count)
            for (flat, index) in winners.enumerated() {
                local[(flat / inner * extent + index) * inner + flat % inner] = gradient.scalars[flat]
            }
            return [Tensor(shape: input.shape, scalars: local)]
        }
    }

    /// `log Σ exp(x)` along one axis, computed stably; the gradient is `softmax(x)` times the incoming one.
    public func logSumExp(alongAxis axis: Int, keepingDimensions: Bool = false) -> Variable {
        let input = value
        let axis = input.normalizedAxis(axis)
        let kept = input.logSumExp(alongAxis: axis, keepingDimensions: true)
        let output = keepingDimensions ? kept : kept.reshaped(to: input.shape.enumerated().filter { $0.offset != axis }.map(\.element))
        return Variable(output, parents: [self]) { gradient in
            let softmax = input.zipWith(kept) { _exp($0 - $1) }
            return [softmax * gradient.reshaped(to: kept.shape)]
        }
    }

    /// `softmax(x) = exp(x - logsumexp(x))` along one axis.
    public func softmax(alongAxis axis: Int = -1) -> Variable {
        logSoftmax(alongAxis: axis).exp()
    }

    /// `log softmax(x) = x - logsumexp(x)` along one axis.
    public func logSoftmax(alongAxis axis: Int = -1) -> Variable {
        self - logSumExp(alongAxis: axis, keepingDimensions: true)
    }
}
