/// A scalar function applied element-wise, with its derivative right beside it.
///
/// ``Variable/applying(_:)`` is generic over this protocol, so each function's value and
/// derivative are specialised into tight loops (no closure call per element).
protocol ElementwiseFunction {
    /// `y = f(x)`.
    func value(_ x: Float) -> Float
    /// `dy/dx`, given both `x` and `y = f(x)` (whichever is cheaper to use).
    func derivative(_ x: Float, _ y: Float) -> Float
}

extension Tensor {
    /// The function applied to every element (the inference path of the activation layers).
    func applying<Function: ElementwiseFunction>(_ function: Function) -> Tensor {
        var output = [Float](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { y in
                for index in 0..<y.count { y[index] = function.value(x[index]) }
            }
        }
        return Tensor(shape: shape, scalars: output)
    }
}

/// The derivative table: one small type per function, forward rule above backward rule.
enum Elementwise {
    struct Exp: ElementwiseFunction {
        func value(_ x: Float) -> Float { _exp(x) }
        func derivative(_ x: Float, _ y: Float) -> Float { y }
    }

    struct Log: ElementwiseFunction {
        func value(_ x: Float) -> Float { _log(x) }
        func derivative(_ x: Float, _ y: Float) -> Float { 1 / x }
    }

    struct SquareRoot: ElementwiseFunction {
        func value(_ x: Float) -> Float { x.squareRoot() }
        func derivative(_ x: Float, _ y: Float) -> Float { 0.5 / y }
    }

    struct Square: ElementwiseFunction {
        func value(_ x: Float) -> Float { x * x }
        func derivative(_ x: Float, _ y: Float) -> Float { 2 * x }
    }

    struct Power: ElementwiseFunction {
        let exponent: Float
        func value(_ x: Float) -> Float { _pow(x, exponent) }
        func derivative(_ x: Float, _ y: Float) -> Float { exponent * _pow(x, exponent - 1) }
    }

    struct AbsoluteValue: ElementwiseFunction {
        func value(_ x: Float) -> Float { Swift.abs(x) }
        func derivative(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
    }

    struct Tanh: ElementwiseFunction {
        func value(_ x: Float) -> Float { _tanh(x) }
        func derivative(_ x: Float, _ y: Float) -> Float { 1 - y * y }
    }

    struct Sigmoid: ElementwiseFunction {
        func value(_ x: Float) -> Float { x >= 0 ? 1 / (1 + _exp(-x)) : _exp(x) / (1 + _exp(x)) }
        func derivative(_ x: Float, _ y: Float) -> Float { y * (1 - y) }
    }

    struct ReLU: ElementwiseFunction {
        func value(_ x: Float) -> Float { Swift.max(0, x) }
        func derivative(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : 0 }
    }

    struct LeakyReLU: ElementwiseFunction {
        let slope: Float
        func value(_ x: Float) -> Float { x > 0 ? x : slope * x }
        func derivative(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : slope }
    }

    struct ELU: ElementwiseFunction {
        let alpha: Float
        func value(_ x: Float) -> Float { x > 0 ? x : alpha * (_exp(x) - 1) }
        func derivative(_ x: Float, _ y: Float) -> Float { x > 0 ? 1 : y + alpha }
    }

    struct GELU: ElementwiseFunction {
        static let inverseSquareRootTwo: Float = 0.70710678118654752
        static let inverseSquareRootTwoPi: Float = 0.39894228040143268
        func value(_ x: Float) -> Float { 0.5 * x * (1 + _erf(x * Self.inverseSquareRootTwo)) }
        func derivative(_ x: Float, _ y: Float) -> Float {
            0.5 * (1 + _erf(x * Self.inverseSquareRootTwo)) + x * Self.inverseSquareRootTwoPi * _exp(-0.5 * x * x)
        }
    }

    struct Softplus: ElementwiseFunction {
        func value(_ x: Float) -> Float { Swift.max(x, 0) + _log1p(_exp(-Swift.abs(x))) }
        func derivative(_ x: Float, _ y: Float) -> Float { Sigmoid().value(x) }
    }

    struct Huber: ElementwiseFunction {
        let delta: Float
        func value(_ x: Float) -> Float { Swift.abs(x) <= delta ? 0.5 * x * x : delta * (Swift.abs(x) - 0.5 * delta) }
        func derivative(_ x: Float, _ y: Float) -> Float { Swift.min(Swift.max(x, -delta), delta) }
    }

    struct Clamp: ElementwiseFunction {
        let lower: Float
        let upper: Float
        func value(_ x: Float) -> Float { Swift.min(Swift.max(x, lower), upper) }
        func derivative(_ x: Float, _ y: Float) -> Float { x >= lower && x <= upper ? 1 : 0 }
    }
}
