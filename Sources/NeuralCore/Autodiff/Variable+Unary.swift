/// Element-wise functions of one variable. The value and derivative of each live together in
/// the ``Elementwise`` table; the formulas are repeated here for readers of the public API.
extension Variable {
    /// Applies `function` element-wise; backward multiplies the incoming gradient by `f'(x)`.
    /// - Parameters:
    ///   - scratch: a layer's pool for the output arrays, so steady-state training reuses them
    ///     instead of allocating (and page-faulting) fresh ones.
    ///   - gradientScratch: the same for the gradient arrays; a separate pool, since an output
    ///     of the same size is still held by the graph while its gradient is computed.
    func applying<Function: ElementwiseFunction>(
        _ function: Function, scratch: ScratchBuffers? = nil, gradientScratch: ScratchBuffers? = nil
    ) -> Variable {
        let input = value
        var output = scratch?.take(input.count) ?? [Float](repeating: 0, count: input.count)
        input.scalars.withUnsafeBufferPointer { x in
            output.withUnsafeMutableBufferPointer { y in
                for index in 0..<y.count { y[index] = function.value(x[index]) }
            }
        }
        let result = Tensor(shape: input.shape, scalars: output)
        scratch?.give(output)
        return Variable(result, parents: [self]) { gradient in
            var local = gradientScratch?.take(input.count) ?? [Float](repeating: 0, count: input.count)
            local.withUnsafeMutableBufferPointer { target in
                gradient.scalars.withUnsafeBufferPointer { g in
                    input.scalars.withUnsafeBufferPointer { x in
                        result.scalars.withUnsafeBufferPointer { y in
                            for index in 0..<target.count { target[index] = g[index] * function.derivative(x[index], y[index]) }
                        }
                    }
                }
            }
            gradientScratch?.give(local)
            return [Tensor(shape: input.shape, scalars: local)]
        }
    }

    /// `exp(x)`; derivative `exp(x)`.
    public func exp() -> Variable { applying(Elementwise.Exp()) }

    /// `log(x)`; derivative `1/x`.
    public func log() -> Variable { applying(Elementwise.Log()) }

    /// `√x`; derivative `1/(2√x)`.
    public func squareRoot() -> Variable { applying(Elementwise.SquareRoot()) }

    /// `x²`; derivative `2x`.
    public func squared() -> Variable { applying(Elementwise.Square()) }

    /// `x^p` for a constant exponent; derivative `p·x^(p-1)`.
    public func raised(to exponent: Float) -> Variable { applying(Elementwise.Power(exponent: exponent)) }

    /// `|x|`; derivative `sign(x)` (0 at 0).
    public func absoluteValue() -> Variable { applying(Elementwise.AbsoluteValue()) }

    /// `tanh(x)`; derivative `1 - y²`.
    public func tanh() -> Variable { applying(Elementwise.Tanh()) }

    /// The logistic function `σ(x) = 1/(1+e^-x)`; derivative `y(1-y)`.
    public func sigmoid() -> Variable { applying(Elementwise.Sigmoid()) }

    /// `max(0, x)`; derivative 1 for `x > 0`, else 0.
    public func relu() -> Variable { applying(Elementwise.ReLU()) }

    /// `x` for `x > 0`, else `slope·x`.
    public func leakyRelu(slope: Float = 0.01) -> Variable { applying(Elementwise.LeakyReLU(slope: slope)) }

    /// ELU (Clevert et al., 2016): `x` for `x > 0`, else `α(eˣ - 1)`; derivative `y + α` below 0.
    public func elu(alpha: Float = 1) -> Variable { applying(Elementwise.ELU(alpha: alpha)) }

    /// Exact GELU (Hendrycks & Gimpel, 2016): `x·Φ(x)` with the normal CDF `Φ`;
    /// derivative `Φ(x) + x·φ(x)`.
    public func gelu() -> Variable { applying(Elementwise.GELU()) }

    /// `log(1 + eˣ)`, computed stably as `max(x, 0) + log1p(e^-|x|)`; derivative `σ(x)`.
    public func softplus() -> Variable { applying(Elementwise.Softplus()) }

    /// The Huber function of `x`: `x²/2` for `|x| ≤ δ`, else `δ(|x| - δ/2)`; derivative `clamp(x, -δ, δ)`.
    public func huber(delta: Float = 1) -> Variable { applying(Elementwise.Huber(delta: delta)) }

    /// Clamps each element to `[lower, upper]`; the gradient is 1 inside and 0 where clamped
    /// (PPO's clipped ratio).
    public func clamped(lower: Float, upper: Float) -> Variable { applying(Elementwise.Clamp(lower: lower, upper: upper)) }
}
