/// Element-wise functions of a variable; each function's value and derivative live side by
/// side in ``Elementwise``, and one rule below applies any of them.
extension Variable {
    /// `f(self)` element-wise, recorded as `function`.
    func applying(_ function: UnaryFunction) -> Variable {
        let node = Variable.recording(.unary(function), self, shape: value.extents)
        node.writeValue { y in value.withPointer { x in function.forward(x, y, node.value.count) } }
        return node
    }

    /// `∂x = ∂y · f'(x, y)`.
    static func backwardUnary(_ node: Variable, _ function: UnaryFunction) {
        let gradient = node.upstream
        let input = node.parents[0].value
        node.send(to: 0) { out in
            gradient.withPointer { g in
                input.withPointer { x in
                    node.value.withPointer { y in function.backward(g, x, y, out, gradient.count) }
                }
            }
        }
    }

    /// `eˣ`.
    public func exp() -> Variable { applying(.exp) }

    /// Natural logarithm.
    public func log() -> Variable { applying(.log) }

    /// `√x`.
    public func squareRoot() -> Variable { applying(.squareRoot) }

    /// `x²`.
    public func squared() -> Variable { applying(.square) }

    /// `xᵖ`; ∂ = `p·xᵖ⁻¹`.
    public func raised(to exponent: Float) -> Variable { applying(.power(exponent)) }

    /// `|x|`; the subgradient at 0 is 0.
    public func absoluteValue() -> Variable { applying(.absoluteValue) }

    /// Hyperbolic tangent.
    public func tanh() -> Variable { applying(.tanh) }

    /// Logistic sigmoid `1 / (1 + e⁻ˣ)`.
    public func sigmoid() -> Variable { applying(.sigmoid) }

    /// `max(0, x)`; the subgradient at 0 is 0.
    public func relu() -> Variable { applying(.relu) }

    /// `x` for positive `x`, `slope·x` otherwise.
    public func leakyRelu(slope: Float = 0.01) -> Variable { applying(.leakyReLU(slope)) }

    /// `x` for positive `x`, `α(eˣ - 1)` otherwise (Clevert et al., 2016).
    public func elu(alpha: Float = 1) -> Variable { applying(.elu(alpha)) }

    /// Gaussian error linear unit, exact form `x·Φ(x)` (Hendrycks & Gimpel, 2016), as
    /// PyTorch's default `nn.GELU`.
    public func gelu() -> Variable { applying(.gelu) }

    /// `log(1 + eˣ)`, computed stably.
    public func softplus() -> Variable { applying(.softplus) }

    /// Huber's function: `x²/2` within `delta`, linear beyond (SB3's and CleanRL's DQN loss
    /// with `delta` 1, PyTorch's `smooth_l1_loss`).
    public func huber(delta: Float = 1) -> Variable { applying(.huber(delta)) }

    /// `x` clamped to `[lower, upper]`; the gradient passes strictly inside the bounds and is 0
    /// on them, as PyTorch's `clamp` computes it (PPO's clipped ratio).
    public func clamped(lower: Float, upper: Float) -> Variable { applying(.clamp(lower: lower, upper: upper)) }
}
