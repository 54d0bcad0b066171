import NeuralCore

/// One entry of the parameterised gradient-check suites: builds fresh inputs (leaves that
/// require gradients) and a function of them.
struct GradientCase: Sendable, CustomStringConvertible {
    let description: String
    let build: @Sendable () -> (inputs: [Variable], function: () -> Variable)

    init(_ name: String, build: @escaping @Sendable () -> (inputs: [Variable], function: () -> Variable)) {
        self.description = name
        self.build = build
    }
}

/// The largest disagreement between autodiff and central finite differences for a case.
///
/// The function's output is reduced to a scalar by a fixed random weighting (accumulated
/// in Double), each input element is perturbed by ±`epsilon`, and the error of each element
/// is `|analytic - numeric| / (1 + |numeric|)`.
func gradientError(of testCase: GradientCase, epsilon: Float = 1e-2) -> Double {
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
        for index in 0..<original.count {
            var scalars = original.scalars
            scalars[index] = original.scalars[index] + epsilon
            input.value = Tensor(shape: original.shape, scalars: scalars)
            let plus = weightedSum(function().value)
            scalars[index] = original.scalars[index] - epsilon
            input.value = Tensor(shape: original.shape, scalars: scalars)
            let minus = weightedSum(function().value)
            input.value = original
            let numeric = (plus - minus) / (2 * Double(epsilon))
            worst = max(worst, abs(Double(analytic.scalars[index]) - numeric) / (1 + abs(numeric)))
        }
    }
    return worst
}
