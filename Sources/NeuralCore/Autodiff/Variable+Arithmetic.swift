/// Broadcasting arithmetic on variables, each forward rule followed by its backward rule.
///
/// Backward rules of broadcasting operations sum the incoming gradient back down to each
/// operand's shape (``reduceToShape(_:_:into:_:tape:)``).
extension Variable {
    /// `lhs + rhs`; ∂/∂lhs = 1, ∂/∂rhs = 1.
    public static func + (lhs: Variable, rhs: Variable) -> Variable { binary(.add, Binary.Add(), lhs, rhs) }

    static func backwardAdd(_ node: Variable) {
        node.sendReduced(to: 0)
        node.sendReduced(to: 1)
    }

    /// `lhs - rhs`; ∂/∂lhs = 1, ∂/∂rhs = -1.
    public static func - (lhs: Variable, rhs: Variable) -> Variable { binary(.subtract, Binary.Subtract(), lhs, rhs) }

    static func backwardSubtract(_ node: Variable) {
        node.sendReduced(to: 0)
        let gradient = node.upstream
        let count = gradient.count
        withScratch(node.tape, count) { negated in
            gradient.withPointer { g in for index in 0..<count { negated[index] = -g[index] } }
            node.sendReduced(to: 1, from: UnsafePointer(negated))
        }
    }

    /// `lhs * rhs`; ∂/∂lhs = rhs, ∂/∂rhs = lhs.
    public static func * (lhs: Variable, rhs: Variable) -> Variable { binary(.multiply, Binary.Multiply(), lhs, rhs) }

    static func backwardMultiply(_ node: Variable) {
        let (left, right) = (node.parents[0], node.parents[1])
        node.sendProduct(to: 0, with: right)
        node.sendProduct(to: 1, with: left)
    }

    /// `lhs / rhs`; ∂/∂lhs = 1/rhs, ∂/∂rhs = -lhs/rhs².
    public static func / (lhs: Variable, rhs: Variable) -> Variable { binary(.divide, Binary.Divide(), lhs, rhs) }

    static func backwardDivide(_ node: Variable) {
        let (left, right) = (node.parents[0].value, node.parents[1].value)
        let gradient = node.upstream
        let shape = node.value.extents
        let count = shape.count
        withScratch(node.tape, count) { quotient in
            gradient.withPointer { g in
                right.withPointer { r in broadcastBinary(Binary.Divide(), g, shape, r, right.extents, quotient, shape) }
            }
            node.sendReduced(to: 0, from: UnsafePointer(quotient))
            guard node.parents[1].requiresGradient else { return }
            for index in 0..<count { quotient[index] = -quotient[index] }
            left.withPointer { l in broadcastBinary(Binary.Multiply(), quotient, shape, l, left.extents, quotient, shape) }
            right.withPointer { r in broadcastBinary(Binary.Divide(), quotient, shape, r, right.extents, quotient, shape) }
            node.sendReduced(to: 1, from: UnsafePointer(quotient))
        }
    }

    /// `-operand`.
    public static prefix func - (operand: Variable) -> Variable {
        let node = recording(.negate, operand, shape: operand.value.extents)
        node.writeValue { out in operand.value.withPointer { x in for index in 0..<node.value.count { out[index] = -x[index] } } }
        return node
    }

    static func backwardNegate(_ node: Variable) {
        let gradient = node.upstream
        node.send(to: 0) { out in gradient.withPointer { g in for index in 0..<gradient.count { out[index] = -g[index] } } }
    }

    /// Adds a constant to every element.
    public static func + (lhs: Variable, rhs: Float) -> Variable {
        let node = recording(.addScalar, lhs, shape: lhs.value.extents)
        node.writeValue { out in lhs.value.withPointer { x in for index in 0..<node.value.count { out[index] = x[index] + rhs } } }
        return node
    }

    static func backwardAddScalar(_ node: Variable) {
        let gradient = node.upstream
        node.send(to: 0) { out in gradient.withPointer { out.update(from: $0, count: gradient.count) } }
    }

    /// Adds a constant to every element.
    public static func + (lhs: Float, rhs: Variable) -> Variable { rhs + lhs }

    /// Subtracts a constant from every element.
    public static func - (lhs: Variable, rhs: Float) -> Variable { lhs + (-rhs) }

    /// Subtracts every element from a constant.
    public static func - (lhs: Float, rhs: Variable) -> Variable { -rhs + lhs }

    /// Multiplies every element by a constant.
    public static func * (lhs: Variable, rhs: Float) -> Variable {
        let node = recording(.multiplyScalar(rhs), lhs, shape: lhs.value.extents)
        node.writeValue { out in lhs.value.withPointer { x in for index in 0..<node.value.count { out[index] = x[index] * rhs } } }
        return node
    }

    static func backwardMultiplyScalar(_ node: Variable, _ factor: Float) {
        let gradient = node.upstream
        node.send(to: 0) { out in gradient.withPointer { g in for index in 0..<gradient.count { out[index] = g[index] * factor } } }
    }

    /// Multiplies every element by a constant.
    public static func * (lhs: Float, rhs: Variable) -> Variable { rhs * lhs }

    /// Divides every element by a constant.
    public static func / (lhs: Variable, rhs: Float) -> Variable { lhs * (1 / rhs) }

    /// Element-wise `min(lhs, rhs)` with broadcasting. The gradient goes to the smaller operand;
    /// on a tie each operand gets half, as PyTorch's `torch.minimum` defines it.
    public static func minimum(_ lhs: Variable, _ rhs: Variable) -> Variable {
        choosing(lhs, rhs, Binary.LeftWeightOfMinimum())
    }

    /// Element-wise `max(lhs, rhs)` with broadcasting. The gradient goes to the larger operand;
    /// on a tie each operand gets half, as PyTorch's `torch.maximum` defines it.
    public static func maximum(_ lhs: Variable, _ rhs: Variable) -> Variable {
        choosing(lhs, rhs, Binary.LeftWeightOfMaximum())
    }

    /// Picks `lhs` where its weight is 1, `rhs` where it is 0 (either on a tie, 0.5), keeping the
    /// weights to route gradients the same way.
    private static func choosing<Weight: BinaryFunction>(_ lhs: Variable, _ rhs: Variable, _ weight: Weight) -> Variable {
        let (left, right) = (lhs.value.extents, rhs.value.extents)
        let shape = broadcastExtents(left, right)
        let node = recording(.choose, lhs, rhs, shape: shape)
        node.saved.prepareScalars(shape.count)
        lhs.value.withPointer { a in
            rhs.value.withPointer { b in
                node.saved.scalars.withUnsafeMutableBufferPointer { weights in
                    node.writeValue { out in
                        walkBroadcast(left, right, shape) { flat, l, r in
                            let share = weight(a[l], b[r])
                            weights[flat] = share
                            out[flat] = share == 0 ? b[r] : a[l]
                        }
                    }
                }
            }
        }
        return node
    }

    static func backwardChoose(_ node: Variable) {
        let gradient = node.upstream
        let shape = node.value.extents
        let count = shape.count
        node.saved.scalars.withUnsafeBufferPointer { weights in
            withScratch(node.tape, count) { share in
                gradient.withPointer { g in for index in 0..<count { share[index] = g[index] * weights[index] } }
                node.sendReduced(to: 0, from: UnsafePointer(share))
                gradient.withPointer { g in for index in 0..<count { share[index] = g[index] * (1 - weights[index]) } }
                node.sendReduced(to: 1, from: UnsafePointer(share))
            }
        }
    }

    /// A broadcasting binary operation recorded as `operation`.
    private static func binary<F: BinaryFunction>(_ operation: Operation, _ f: F, _ lhs: Variable, _ rhs: Variable) -> Variable {
        let (left, right) = (lhs.value.extents, rhs.value.extents)
        let shape = broadcastExtents(left, right)
        let node = recording(operation, lhs, rhs, shape: shape)
        node.writeValue { out in
            lhs.value.withPointer { a in rhs.value.withPointer { b in broadcastBinary(f, a, left, b, right, out, shape) } }
        }
        return node
    }

    /// Sends the incoming gradient (or `source`, shaped like it) to parent `index`, summed down
    /// to that parent's shape.
    func sendReduced(to index: Int, from source: UnsafePointer<Float>? = nil) {
        let shape = value.extents
        let target = parents[index].value.extents
        let gradient = upstream
        send(to: index) { out in
            if let source {
                reduceToShape(source, shape, into: out, target, tape: tape)
            } else {
                gradient.withPointer { reduceToShape($0, shape, into: out, target, tape: tape) }
            }
        }
    }

    /// Sends `gradient * factor.value` (broadcast), summed down to parent `index`'s shape.
    private func sendProduct(to index: Int, with factor: Variable) {
        guard parents[index].requiresGradient else { return }
        let shape = value.extents
        let gradient = upstream
        let factorShape = factor.value.extents
        withScratch(tape, shape.count) { product in
            gradient.withPointer { g in
                factor.value.withPointer { f in broadcastBinary(Binary.Multiply(), g, shape, f, factorShape, product, shape) }
            }
            sendReduced(to: index, from: UnsafePointer(product))
        }
    }
}

extension Binary {
    /// 1 where the left operand is smaller, 0 where the right one is, 0.5 on a tie.
    struct LeftWeightOfMinimum: BinaryFunction {
        func callAsFunction(_ a: Float, _ b: Float) -> Float { a < b ? 1 : (a > b ? 0 : 0.5) }
    }

    /// 1 where the left operand is larger, 0 where the right one is, 0.5 on a tie.
    struct LeftWeightOfMaximum: BinaryFunction {
        func callAsFunction(_ a: Float, _ b: Float) -> Float { a > b ? 1 : (a < b ? 0 : 0.5) }
    }
}
