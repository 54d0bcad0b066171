import NeuralCore
import Testing

/// Every differentiable operation, checked against finite differences (``gradientError(of:step:analyticScale:)``:
/// Richardson-extrapolated central differences, norm-relative error per input, 1e-4 unless a
/// case says otherwise, never above 1e-3), so a gradient 0.1% wrong fails.
/// Inputs are kept 0.1 away from kinks (ReLU, |x|, max ties, clamp edges).
struct GradientCheckTests {
    static let operations: [GradientCase] = [
        binary("add broadcast", [2, 3], [3]) { $0 + $1 },
        binary("subtract broadcast", [2, 1], [1, 3]) { $0 - $1 },
        binary("multiply broadcast", [2, 3], [2, 1]) { $0 * $1 },
        binary("divide", [2, 3], [2, 3], positiveRight: true) { $0 / $1 },
        binary("minimum", [2, 3], [2, 3]) { Variable.minimum($0, $1) },
        binary("maximum", [3, 2], [2]) { Variable.maximum($0, $1) },
        unary("negate", [4]) { -$0 },
        unary("scalar affine", [4]) { 3 - ($0 * 2 + 1) / 4 },
        unary("exp", [2, 3]) { $0.exp() },
        unary("log", [2, 3], positive: true) { $0.log() },
        unary("square root", [2, 3], positive: true) { $0.squareRoot() },
        unary("squared", [5]) { $0.squared() },
        unary("raised to 3", [5], positive: true) { $0.raised(to: 3) },
        unary("raised to 4", [5]) { $0.raised(to: 4) },
        unary("raised to 5.5", [5], positive: true) { $0.raised(to: 5.5) },
        unary("absolute value", [5]) { $0.absoluteValue() },
        unary("tanh", [5]) { $0.tanh() },
        unary("sigmoid", [5]) { $0.sigmoid() },
        unary("relu", [6]) { $0.relu() },
        unary("leaky relu", [6]) { $0.leakyRelu(slope: 0.1) },
        unary("elu", [6]) { $0.elu(alpha: 1.5) },
        unary("gelu", [6]) { $0.gelu() },
        unary("softplus", [6]) { $0.softplus() },
        unary("huber", [6]) { ($0 * 2).huber(delta: 1) },
        unary("clamped", [6]) { $0.clamped(lower: -0.55, upper: 0.45) },
        unary("sum all", [2, 3]) { $0.sum().squared() },
        unary("sum axes", [2, 3, 4]) { $0.sum(alongAxes: [0, 2]).squared() },
        unary("sum keep", [2, 3, 4]) { ($0.sum(alongAxes: [1], keepingDimensions: true) * $0).tanh() },
        unary("mean all", [2, 3]) { $0.mean().exp() },
        unary("mean axes", [2, 3, 4]) { $0.mean(alongAxes: [2, 0]).exp() },
        unary("mean keep", [2, 3]) { $0.mean(alongAxes: [1], keepingDimensions: true).exp() * $0 },
        unary("max along axis", [3, 4]) { $0.max(alongAxis: 1).squared() },
        unary("max keep", [3, 4]) { $0 - $0.max(alongAxis: 0, keepingDimensions: true) },
        unary("log-sum-exp", [3, 4]) { $0.logSumExp(alongAxis: 0) },
        unary("log-sum-exp keep", [3, 4]) { $0 * $0.logSumExp(alongAxis: 1, keepingDimensions: true) },
        unary("softmax", [2, 5]) { $0.softmax() },
        unary("softmax axis 0", [3, 4]) { $0.softmax(alongAxis: 0) },
        unary("log softmax", [2, 5]) { $0.logSoftmax(alongAxis: 1) },
        unary("log softmax middle axis", [2, 3, 4]) { $0.logSoftmax(alongAxis: 1) },
        unary("categorical log-probability", [3, 4]) { Categorical(logits: $0).logProbability(of: [1, 3, 0]) },
        unary("categorical entropy", [3, 4]) { Categorical(logits: $0).entropy() },
        unary("categorical masked", [2, 4]) {
            let policy = Categorical(logits: $0, mask: [[true, false, true, true], [false, true, true, false]])
            return Variable.concatenate([policy.logProbability(of: [2, 1]), policy.entropy()], alongAxis: 0)
        },
        unary("masked max", [3, 4]) { $0.maskedMax(alongLastAxisBy: [true, false, true, true, false, true, false, false, true, true, true, true]) },
        unary("masked fill", [2, 3]) { $0.masked(byRows: [[true, false, true], [false, true, true]], fill: -5).exp() },
        unary("standard deviation", [3, 4]) { $0.standardDeviation(alongAxes: [1]) },
        unary("standard deviation all", [2, 3]) { $0.standardDeviation() },
        unary("normalized", [6]) { $0.normalized() },
        // A new layer per call with the same seed: the same mask every evaluation.
        unary("dropout fixed mask", [4, 5]) { Dropout(probability: 0.3, generator: SplitMix64(seed: 5))($0).squared() },
        unary("reshape", [2, 6]) { $0.reshaped(to: [3, 4]) * $0.reshaped(to: [3, 4]) },
        unary("permute", [2, 3, 4]) { $0.permuted([1, 2, 0]).squared() },
        unary("transpose", [2, 3]) { $0.transposed().exp() },
        binary("concatenate", [2, 3], [2, 2]) { Variable.concatenate([$0, $1, $0], alongAxis: 1).squared() },
        unary("slice", [4, 3]) { $0.sliced(alongAxis: 0, 1..<3).squared() },
        unary("select repeats", [4, 3]) { $0.selecting([3, 0, 3], alongAxis: 0).squared() },
        unary("gather", [3, 4]) { $0.gathering([2, 0, 3]).squared() },
        binary("matmul", [3, 4], [4, 2]) { Variable.matmul($0, $1) },
        binary("matmul batched", [2, 3, 4], [2, 4, 5]) { Variable.matmul($0, $1) },
        binary("matmul shared rhs", [2, 3, 4], [4, 2]) { Variable.matmul($0, $1) },
    ]

    @Test(arguments: operations)
    func operationGradientMatchesFiniteDifferences(_ testCase: GradientCase) {
        let error = gradientError(of: testCase)
        #expect(error <= testCase.tolerance, "error \(error)")
    }

    /// The check is sharp enough: every case's gradient, scaled by 1.001, fails it.
    @Test(arguments: operations + LayerGradientTests.layers + LossTests.losses)
    func gradientOffByATenthOfAPercentIsCaught(_ testCase: GradientCase) {
        let error = gradientError(of: testCase, analyticScale: 1.001)
        #expect(error > testCase.tolerance, "error \(error) with a 0.1% wrong gradient")
    }

    static func unary(
        _ name: String, _ shape: [Int], positive: Bool = false, tolerance: Double = 1e-4,
        _ function: @escaping @Sendable (Variable) -> Variable
    ) -> GradientCase {
        GradientCase(name, tolerance: tolerance) {
            let input = Variable(randomTensor(shape, seed: 1, positive: positive), requiresGradient: true)
            return ([input], { function(input) })
        }
    }

    static func binary(
        _ name: String, _ left: [Int], _ right: [Int], positiveRight: Bool = false,
        _ function: @escaping @Sendable (Variable, Variable) -> Variable
    ) -> GradientCase {
        GradientCase(name) {
            let lhs = Variable(randomTensor(left, seed: 2), requiresGradient: true)
            let rhs = Variable(randomTensor(right, seed: 3, positive: positiveRight), requiresGradient: true)
            return ([lhs, rhs], { function(lhs, rhs) })
        }
    }
}
