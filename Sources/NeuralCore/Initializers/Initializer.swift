/// Weight initialisers, each returning a fresh tensor drawn from a caller-supplied generator.
///
/// Fan-in and fan-out follow PyTorch: for a weight `[out, in, k...]`, `fanIn = in·∏k` and
/// `fanOut = out·∏k`. Assign the result to a parameter's ``Variable/value``.
public enum Initializer {
    /// `(fanIn, fanOut)` of a weight shape.
    /// - Precondition: rank at least 2.
    public static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        precondition(shape.count >= 2, "expected a weight of rank >= 2, got \(shape)")
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// Xavier/Glorot uniform (Glorot & Bengio, 2010): `U(±gain·√(6/(fanIn+fanOut)))`.
    public static func xavierUniform(_ shape: [Int], gain: Float = 1, using generator: inout some RandomNumberGenerator) -> Tensor {
        let (fanIn, fanOut) = fans(of: shape)
        let bound = gain * (6 / Float(fanIn + fanOut)).squareRoot()
        return Tensor.uniform(shape, lower: -bound, upper: bound, using: &generator)
    }

    /// Xavier/Glorot normal: `N(0, gain²·2/(fanIn+fanOut))`.
    public static func xavierNormal(_ shape: [Int], gain: Float = 1, using generator: inout some RandomNumberGenerator) -> Tensor {
        let (fanIn, fanOut) = fans(of: shape)
        return Tensor.normal(shape, standardDeviation: gain * (2 / Float(fanIn + fanOut)).squareRoot(), using: &generator)
    }

    /// He/Kaiming uniform (He et al., 2015), fan-in mode: `U(±gain·√(3/fanIn))`, gain `√2` for ReLU.
    public static func heUniform(_ shape: [Int], gain: Float = Float(2).squareRoot(), using generator: inout some RandomNumberGenerator) -> Tensor {
        let bound = gain * (3 / Float(fans(of: shape).fanIn)).squareRoot()
        return Tensor.uniform(shape, lower: -bound, upper: bound, using: &generator)
    }

    /// He/Kaiming normal, fan-in mode: `N(0, gain²/fanIn)`, gain `√2` for ReLU.
    public static func heNormal(_ shape: [Int], gain: Float = Float(2).squareRoot(), using generator: inout some RandomNumberGenerator) -> Tensor {
        Tensor.normal(shape, standardDeviation: gain / Float(fans(of: shape).fanIn).squareRoot(), using: &generator)
    }

    /// A (semi-)orthogonal matrix scaled by `gain` (Saxe et al., 2014), as PPO implementations
    /// initialise their layers (gain `√2` hidden, `0.01` policy head, `1` value head).
    ///
    /// The weight is viewed as `[out, in·∏k]`; a Gaussian matrix is orthonormalised by
    /// Gram–Schmidt in Double with the sign convention of QR (`diag(R) > 0`), so rows
    /// (or columns, whichever are fewer) are orthonormal.
    /// - Complexity: O(rows·columns·min(rows, columns)).
    public static func orthogonal(_ shape: [Int], gain: Float = 1, using generator: inout some RandomNumberGenerator) -> Tensor {
        precondition(shape.count >= 2, "expected a weight of rank >= 2, got \(shape)")
        let rows = shape[0]
        let columns = shape.dropFirst().reduce(1, *)
        let long = max(rows, columns)
        let short = min(rows, columns)
        let gaussian = Tensor.normal([short, long], using: &generator)
        var basis = [[Double]]()
        for index in 0..<short {
            var vector = (0..<long).map { Double(gaussian.scalars[index * long + $0]) }
            for _ in 0..<2 {
                for previous in basis {
                    let projection = zip(vector, previous).reduce(0) { $0 + $1.0 * $1.1 }
                    for position in 0..<long { vector[position] -= projection * previous[position] }
                }
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            basis.append(vector.map { $0 / norm })
        }
        var values = [Float](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                let entry = rows <= columns ? basis[row][column] : basis[column][row]
                values[row * columns + column] = gain * Float(entry)
            }
        }
        return Tensor(shape: shape, scalars: values)
    }
}
