/// Broadcasting arithmetic on variables, each forward rule followed by its backward rule.
///
/// Backward rules of broadcasting operations sum the incoming gradient back down to
/// each operand's shape (``Tensor/reduced(toShape:)``).
extension Variable {
    /// `lhs + rhs`; ∂/∂lhs = 1, ∂/∂rhs = 1.
    public static func + (lhs: Variable, rhs: Variable) -> Variable {
        Variable(lhs.value + rhs.value, parents: [lhs, rhs]) { gradient in
            [gradient.reduced(toShape: lhs.shape), gradient.reduced(toShape: rhs.shape)]
        }
    }

    /// `lhs - rhs`; ∂/∂lhs = 1, ∂/∂rhs = -1.
    public static func - (lhs: Variable, rhs: Variable) -> Variable {
        Variable(lhs.value - rhs.value, parents: [lhs, rhs]) { gradient in
            [gradient.reduced(toShape: lhs.shape), (-gradient).reduced(toShape: rhs.shape)]
        }
    }

    /// `lhs * rhs`; ∂/∂lhs = rhs, ∂/∂rhs = lhs.
    public static func * (lhs: Variable, rhs: Variable) -> Variable {
        let left = lhs.value
        let right = rhs.value
        return Variable(left * right, parents: [lhs, rhs]) { gradient in
            [(gradient * right).reduced(toShape: left.shape), (gradient * left).reduced(toShape: right.shape)]
        }
    }

    /// `lhs / rhs`; ∂/∂lhs = 1/rhs, ∂/∂rhs = -lhs/rhs².
    public static func / (lhs: Variable, rhs: Variable) -> Variable {
        let left = lhs.value
        let right = rhs.value
        return Variable(left / right, parents: [lhs, rhs]) { gradient in
            let quotient = gradient / right
            return [quotient.reduced(toShape: left.shape), (-quotient * left / right).reduced(toShape: right.shape)]
        }
    }

    /// `-operand`.
    public static prefix func - (operand: Variable) -> Variable {
        Variable(-operand.value, parents: [operand]) { gradient in [-gradient] }
    }

    /// Adds a constant to every element.
    public static func + (lhs: Variable, rhs: Float) -> Variable {
        Variable(lhs.value + rhs, parents: [lhs]) { gradient in [gradient] }
    }

    /// Adds a constant to every element.
    public static func + (lhs: Float, rhs: Variable) -> Variable { rhs + lhs }

    /// Subtracts a constant from every element.
    public static func - (lhs: Variable, rhs: Float) -> Variable { lhs + (-rhs) }

    /// Subtracts every element from a constant.
    public static func - (lhs: Float, rhs: Variable) -> Variable { -rhs + lhs }

    /// Multiplies every element by a constant.
    public static func * (lhs: Variable, rhs: Float) -> Variable {
        Variable(lhs.value * rhs, parents: [lhs]) { gradient in [gradient * rhs] }
    }

    /// Multiplies every element by a constant.
    public static func * (lhs: Float, rhs: Variable) -> Variable { rhs * lhs }

    /// Divides every element by a constant.
    public static func / (lhs: Variable, rhs: Float) -> Variable { lhs * (1 / rhs) }

    /// Element-wise `min(lhs, rhs)` with broadcasting; the gradient goes to the smaller operand (to `lhs` on ties).
    public static func minimum(_ lhs: Variable, _ rhs: Variable) -> Variable {
        choosing(lhs, rhs) { $0 <= $1 }
    }

    /// Element-wise `max(lhs, rhs)` with broadcasting; the gradient goes to the larger operand (to `lhs` on ties).
    public static func maximum(_ lhs: Variable, _ rhs: Variable) -> Variable {
        choosing(lhs, rhs) { $0 >= $1 }
    }

    /// Picks `lhs` where `prefersLeft` holds, else `rhs`, routing gradients the same way.
    private static func choosing(_ lhs: Variable, _ rhs: Variable, _ prefersLeft: @escaping (Float, Float) -> Bool) -> Variable {
        let left = lhs.value
        let right = rhs.value
        let takesLeft = left.zipWith(right) { prefersLeft($0, $1) ? 1 : 0 }
        let value = left.zipWith(right) { prefersLeft($0, $1) ? $0 : $1 }
        return Variable(value, parents: [lhs, rhs]) { gradient in
            [(gradient * takesLeft).reduced(toShape: left.shape), (gradient * (1 - takesLeft)).reduced(toShape: right.shape)]
        }
    }
}

extension Tensor {
    /// Subtracts every element from a constant.
    static func - (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs - $0 } }
}
