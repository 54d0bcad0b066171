import CNeuralKernels

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
    func applying(_ function: UnaryFunction) -> Tensor {
        var output = Tensor(zeros: extents)
        output.scalars.withUnsafeMutableBufferPointer { y in
            withPointer { x in function.forward(x, y.baseAddress!, count) }
        }
        return output
    }
}

/// `y[i] = f(x[i])`: the forward rule of every element-wise function.
@inline(__always)
func mapElements<Function: ElementwiseFunction>(_ function: Function, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int) {
    for index in 0..<count { y[index] = function.value(x[index]) }
}

/// `out[i] = g[i] · f'(x[i], y[i])`: the backward rule of every element-wise function.
@inline(__always)
func chainElements<Function: ElementwiseFunction>(
    _ function: Function, _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
    _ out: UnsafeMutablePointer<Float>, _ count: Int
) {
    for index in 0..<count { out[index] = g[index] * function.derivative(x[index], y[index]) }
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

    /// NeuralCore's vectorised tanh (`CNeuralKernels/activations.c`, within 1.3 ulp).
    struct Tanh: ElementwiseFunction {
        func value(_ x: Float) -> Float { nc_tanhf(x) }
        func derivative(_ x: Float, _ y: Float) -> Float { 1 - y * y }
    }

    /// NeuralCore's vectorised logistic function (`CNeuralKernels/activations.c`).
    struct Sigmoid: ElementwiseFunction {
        func value(_ x: Float) -> Float { nc_sigmoidf(x) }
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
        /// 1 strictly inside the bounds, 0 on and beyond them, as PyTorch's `clamp` computes it.
        func derivative(_ x: Float, _ y: Float) -> Float { x > lower && x < upper ? 1 : 0 }
    }
}

/// The element-wise functions a ``Variable`` records, by name and parameters, each mapped to
/// its entry of the derivative table (``Elementwise``) so loops specialise per function.
enum UnaryFunction {
    case exp, log, squareRoot, square, absoluteValue, tanh, sigmoid, relu, gelu, softplus
    case power(Float), leakyReLU(Float), elu(Float), huber(Float)
    case clamp(lower: Float, upper: Float)

    /// `y = f(x)` over `count` elements.
    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int) {
        switch self {
        case .exp: mapElements(Elementwise.Exp(), x, y, count)
        case .log: mapElements(Elementwise.Log(), x, y, count)
        case .squareRoot: mapElements(Elementwise.SquareRoot(), x, y, count)
        case .square: mapElements(Elementwise.Square(), x, y, count)
        case .absoluteValue: mapElements(Elementwise.AbsoluteValue(), x, y, count)
        case .tanh: nc_tanh(x, y, count)
        case .sigmoid: nc_sigmoid(x, y, count)
        case .relu: mapElements(Elementwise.ReLU(), x, y, count)
        case .gelu: mapElements(Elementwise.GELU(), x, y, count)
        case .softplus: mapElements(Elementwise.Softplus(), x, y, count)
        case .power(let exponent): mapElements(Elementwise.Power(exponent: exponent), x, y, count)
        case .leakyReLU(let slope): mapElements(Elementwise.LeakyReLU(slope: slope), x, y, count)
        case .elu(let alpha): mapElements(Elementwise.ELU(alpha: alpha), x, y, count)
        case .huber(let delta): mapElements(Elementwise.Huber(delta: delta), x, y, count)
        case .clamp(let lower, let upper): mapElements(Elementwise.Clamp(lower: lower, upper: upper), x, y, count)
        }
    }

    /// `out = g · f'(x, y)` over `count` elements.
    func backward(_ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int) {
        switch self {
        case .exp: chainElements(Elementwise.Exp(), g, x, y, out, count)
        case .log: chainElements(Elementwise.Log(), g, x, y, out, count)
        case .squareRoot: chainElements(Elementwise.SquareRoot(), g, x, y, out, count)
        case .square: chainElements(Elementwise.Square(), g, x, y, out, count)
        case .absoluteValue: chainElements(Elementwise.AbsoluteValue(), g, x, y, out, count)
        case .tanh: chainElements(Elementwise.Tanh(), g, x, y, out, count)
        case .sigmoid: chainElements(Elementwise.Sigmoid(), g, x, y, out, count)
        case .relu: chainElements(Elementwise.ReLU(), g, x, y, out, count)
        case .gelu: chainElements(Elementwise.GELU(), g, x, y, out, count)
        case .softplus: chainElements(Elementwise.Softplus(), g, x, y, out, count)
        case .power(let exponent): chainElements(Elementwise.Power(exponent: exponent), g, x, y, out, count)
        case .leakyReLU(let slope): chainElements(Elementwise.LeakyReLU(slope: slope), g, x, y, out, count)
        case .elu(let alpha): chainElements(Elementwise.ELU(alpha: alpha), g, x, y, out, count)
        case .huber(let delta): chainElements(Elementwise.Huber(delta: delta), g, x, y, out, count)
        case .clamp(let lower, let upper): chainElements(Elementwise.Clamp(lower: lower, upper: upper), g, x, y, out, count)
        }
    }
}
