import NeuralCore

/// One entry of the parameterised gradient-check suites: builds fresh inputs (leaves that
/// require gradients) and a function of them.
struct GradientCase: Sendable, CustomStringConvertible {
    let description: String
    /// The largest error this case may show; 1e-4 unless its numerics need more (at most 1e-3).
    let tolerance: Double
    let build: @Sendable () -> (inputs: [Variable], function: () -> Variable)

    init(_ name: String, tolerance: Double = 1e-4, build: @escaping @Sendable () -> (inputs: [Variable], function: () -> Variable)) {
        precondition(tolerance <= 1e-3, "a gradient check looser than 1e-3 misses 0.1% errors")
        self.description = name
        self.tolerance = tolerance
        self.build = build
    }
}

/// The largest disagreement between autodiff and finite differences for a case, over its inputs.
///
/// The function's output is reduced to a scalar by a fixed random weighting (accumulated in
/// Double). Each input element's derivative is estimated by central differences at steps `h`
/// and `h/2`, combined by Richardson extrapolation (`(4·D(h/2) - D(h)) / 3`), which cancels
/// the `h²` truncation term that dominates Float32 central differences. For each input the
/// error is `‖analytic - numeric‖ / ‖numeric‖` (Euclidean norms; absolute when the numeric
/// gradient is below 1e-6), so a gradient off by 0.1% anywhere shows an error near 1e-3.
///
/// The step `h` = 0.03 is a balance measured over every case: Float32 rounding in the forward
/// pass adds an error that grows as `1/h` (up to 3e-4 at h = 0.01 for an LSTM over three steps),
/// while the extrapolated truncation error shrinks as `h⁴`; and `h` stays below the 0.1 margin
/// that inputs keep from kinks.
///
/// - Parameter analyticScale: multiplies autodiff's gradient before comparing, so a test can
///   show that a gradient 0.1% wrong is caught.
func gradientError(of testCase: GradientCase, step: Float = 3e-2, analyticScale: Double = 1) -> Double {
    let (inputs, function) = testCase.build()
    let probe = function()
    let weights = randomTensor(probe.shape, seed: 99, margin: 0).scalars

    func weightedSum(_ output: Tensor) -> Double {
        zip(output.scalars, weights).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    let loss = (function() * Variable(Tensor(shape: probe.shape, scalars: weights))).sum()
    for input in inputs { input.grad = nil }
    loss.backward()
    var worst = 0.0
    for input in inputs {
        let analytic = input.grad ?? Tensor.zeros(input.shape)
        let original = input.value
        func centralDifference(at index: Int, step: Float) -> Double {
            var scalars = original.scalars
            scalars[index] = original.scalars[index] + step
            input.value = Tensor(shape: original.shape, scalars: scalars)
            let plus = weightedSum(function().value)
            scalars[index] = original.scalars[index] - step
            input.value = Tensor(shape: original.shape, scalars: scalars)
            let minus = weightedSum(function().value)
            input.value = original
            // The steps actually taken, after rounding to Float.
            let taken = Double(original.scalars[index] + step) - Double(original.scalars[index] - step)
            return (plus - minus) / taken
        }
        var differenceSquares = 0.0, numericSquares = 0.0
        for index in 0..<original.count {
            let coarse = centralDifference(at: index, step: step)
            let fine = centralDifference(at: index, step: step / 2)
            let numeric = (4 * fine - coarse) / 3
            let difference = Double(analytic.scalars[index]) * analyticScale - numeric
            differenceSquares += difference * difference
            numericSquares += numeric * numeric
        }
        let scale = numericSquares.squareRoot()
        worst = max(worst, differenceSquares.squareRoot() / (scale < 1e-6 ? 1 : scale))
    }
    return worst
}
