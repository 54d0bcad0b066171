/// Standard deviation and normalisation, for advantage normalisation in policy-gradient losses.
extension Variable {
    /// The standard deviation over `axes` (all when `nil`) with Bessel's `correction`
    /// (`√(Σ(x - x̄)² / (n - correction))`), as PyTorch's `std`, whose default is 1.
    /// - Precondition: more elements than `correction` along the axes.
    public func standardDeviation(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false, correction: Int = 1) -> Variable {
        let set = AxisSet(resolving: axes, rank: value.rank)
        var count = 1
        for axis in 0..<value.rank where set.contains(axis) { count *= shape[axis] }
        precondition(count > correction, "expected more than \(correction) elements to take a standard deviation, got \(count)")
        let centered = self - mean(alongAxes: axes, keepingDimensions: true)
        return (centered.squared().sum(alongAxes: axes, keepingDimensions: keepingDimensions) / Float(count - correction)).squareRoot()
    }

    /// `(x - mean) / (std + epsilon)` over every element (SB3's and CleanRL's advantage
    /// normalisation, with PyTorch's unbiased `std`).
    public func normalized(epsilon: Float = 1e-8) -> Variable {
        (self - mean()) / (standardDeviation() + epsilon)
    }
}

extension Tensor {
    /// The standard deviation over `axes` (``Variable/standardDeviation(alongAxes:keepingDimensions:correction:)``).
    public func standardDeviation(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false, correction: Int = 1) -> Tensor {
        Variable(self).standardDeviation(alongAxes: axes, keepingDimensions: keepingDimensions, correction: correction).value
    }

    /// One entry of the last axis per row: `output[r] = self[r, indices[r]]` (``Variable/gathering(_:)``).
    public func gathering(_ indices: [Int]) -> Tensor {
        Variable(self).gathering(indices).value
    }

    /// The maximum along the last axis over the entries `mask` allows (the greedy value of the
    /// legal actions). `mask` has one flag per element, row-major.
    /// - Precondition: every row allows at least one entry.
    public func maskedMax(alongLastAxisBy mask: [Bool]) -> Tensor {
        Variable(self).maskedMax(alongLastAxisBy: mask).value
    }

    /// The index of the largest allowed entry of each row of the last axis (the greedy legal
    /// action; first on ties).
    /// - Precondition: `mask` has one flag per element and every row allows an entry.
    public func maskedArgmax(alongLastAxisBy mask: [Bool]) -> [Int] {
        precondition(mask.count == count, "expected \(count) mask flags for shape \(shape), got \(mask.count)")
        let classes = shape.last ?? 1
        let rows = count / Swift.max(classes, 1)
        return (0..<rows).map { row in
            var best = -1
            for column in 0..<classes where mask[row * classes + column] {
                if best < 0 || scalars[row * classes + column] > scalars[row * classes + best] { best = column }
            }
            precondition(best >= 0, "expected row \(row) to allow at least one entry")
            return best
        }
    }
}

extension Variable {
    /// The index of the largest allowed entry of each row of the last axis (``Tensor/maskedArgmax(alongLastAxisBy:)``).
    public func maskedArgmax(alongLastAxisBy mask: [Bool]) -> [Int] {
        value.maskedArgmax(alongLastAxisBy: mask)
    }
}
