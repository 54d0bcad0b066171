/// Element-wise functions of one variable; each states its derivative beside its value.
extension Variable {
    /// Applies `function` element-wise, with `derivative(x, y)` giving dy/dx from input and output.
    /// Inlined into each caller so both closures are specialised into tight loops.
    @inline(__always)
    func elementwise(_ function: (Float) -> Float, derivative: @escaping (Float, Float) -> Float) -> Variable {
        let input = value
        let output = input.map(function)
        return Variable(output, parents: [self]) { gradient in
            var local = [Float](repeating: 0, count: input.count)
            local.withUnsafeMutableBufferPointer { target in
                gradient.scalars.withUnsafeBufferPointer { g in
                    input.scalars.withUnsafeBufferPointer { x in
                        output.scalars.withUnsafeBufferPointer { y in
                            for index in 0..<target.count { target[index] = g[index] * derivative(x[index], y[index]) }
                        }
                    }
                }
            }
            return [Tensor(shape: input.shape, scalars: local)]
        }
    }

    /// `exp(x)`; derivative `exp(x)`.
    public func exp() -> Variable { elementwise(_exp) { _, y in y } }

    /// `log(x)`; derivative `1/x`.
    public func log() -> Variable { elementwise(_log) { x, _ in 1 / x } }

    /// `√x`; derivative `1/(2√x)`.
    public func squareRoot() -> Variable { elementwise { $0.squareRoot() } derivative: { _, y in 0.5 / y } }

    /// `x²`; derivative `2x`.
    public func squared() -> Variable { elementwise { $0 * $0 } derivative: { x, _ in 2 * x } }

    /// `x^p` for a constant exponent; derivative `p·x^(p-1)`.
    public func raised(to exponent: Float) -> Variable {
        elementwise { _pow($0, exponent) } derivative: { x, _ in exponent * _pow(x, exponent - 1) }
    }

    /// `|x|`; derivative `sign(x)` (0 at 0).
    public func absoluteValue() -> Variable {
        elementwise { Swift.abs($0) } derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) }
    }

    /// `tanh(x)`; derivative `1 - y²`.
    public func tanh() -> Variable { elementwise(_tanh) { _, y in 1 - y * y } }

    /// The logistic function `σ(x) = 1/(1+e^-x)`; derivative `y(1-y)`.
    public func sigmoid() -> Variable {
        elementwise { x in x >= 0 ? 1 / (1 + _exp(-x)) : _exp(x) / (1 + _exp(x)) } derivative: { _, y in y * (1 - y) }
    }

    /// `max(0, x)`; derivative 1 for `x > 0`, else 0.
    public func relu() -> Variable { elementwise { Swift.max(0, $0) } derivative: { x, _ in x > 0 ? 1 : 0 } }

    /// `x` for `x > 0`, else `slope·x`.
    public func leakyRelu(slope: Float = 0.01) -> Variable {
        elementwise { $0 > 0 ? $0 : slope * $0 } derivative: { x, _ in x > 0 ? 1 : slope }
    }

    /// ELU (Clevert et al., 2016): `x` for `x > 0`, else `α(eˣ - 1)`; derivative `y + α` below 0.
    public func elu(alpha: Float = 1) -> Variable {
        elementwise { $0 > 0 ? $0 : alpha * (_exp($0) - 1) } derivative: { x, y in x > 0 ? 1 : y + alpha }
    }

    /// Exact GELU (Hendrycks & Gimpel, 2016): `x·Φ(x)` with the normal CDF `Φ`;
    /// derivative `Φ(x) + x·φ(x)`.
    public func gelu() -> Variable {
        let invSqrt2: Float = 0.70710678118654752
        let invSqrt2Pi: Float = 0.39894228040143268
        return elementwise { x in 0.5 * x * (1 + _erf(x * invSqrt2)) } derivative: { x, _ in
            0.5 * (1 + _erf(x * invSqrt2)) + x * invSqrt2Pi * _exp(-0.5 * x * x)
        }
    }

    /// `log(1 + eˣ)`, computed stably as `max(x, 0) + log1p(e^-|x|)`; derivative `σ(x)`.
    public func softplus() -> Variable {
        elementwise { x in Swift.max(x, 0) + _log1p(_exp(-Swift.abs(x))) } derivative: { x, _ in
            x >= 0 ? 1 / (1 + _exp(-x)) : _exp(x) / (1 + _exp(x))
        }
    }

    /// The Huber function of `x`: `x²/2` for `|x| ≤ δ`, else `δ(|x| - δ/2)`; derivative `clamp(x, -δ, δ)`.
    public func huber(delta: Float = 1) -> Variable {
        elementwise { x in
            Swift.abs(x) <= delta ? 0.5 * x * x : delta * (Swift.abs(x) - 0.5 * delta)
        } derivative: { x, _ in Swift.min(Swift.max(x, -delta), delta) }
    }

    /// Clamps each element to `[lower, upper]`; the gradient is 1 inside and 0 where clamped
    /// (PPO's clipped ratio).
    public func clamped(lower: Float, upper: Float) -> Variable {
        elementwise { Swift.min(Swift.max($0, lower), upper) } derivative: { x, _ in x >= lower && x <= upper ? 1 : 0 }
    }
}
