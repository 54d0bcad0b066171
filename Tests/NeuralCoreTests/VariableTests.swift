import NeuralCore
import Testing

struct VariableTests {
    @Test func backwardMatchesHandDerivative() {
        let w = Variable(Tensor([2, -3]), requiresGradient: true)
        let b = Variable(Tensor(1), requiresGradient: true)
        let loss = ((w * w).sum() + b * w.sum()).sum()
        loss.backward()
        #expect(w.grad?.scalars == [5, -5])
        #expect(b.grad?.scalars == [-1])
    }

    @Test func reusedNodesAccumulate() {
        let x = Variable(Tensor(3), requiresGradient: true)
        let y = x * x
        let loss = y * y + y
        loss.backward()
        #expect(abs((x.grad?.scalar ?? 0) - 114) < 1e-4)
    }

    @Test func constantsRecordNothing() {
        let constant = Variable(Tensor([1, 2]))
        let result = (constant * 2).exp()
        #expect(!result.requiresGradient)
        #expect(result.isLeaf)
    }

    @Test func detachedStopsGradients() {
        let x = Variable(Tensor([2]), requiresGradient: true)
        let loss = (x * x.detached()).sum()
        loss.backward()
        #expect(x.grad?.scalars == [2])
    }

    @Test func valueAndGradientClearsOldGradients() {
        let w = Variable(Tensor([1, 2]), requiresGradient: true)
        let unused = Variable(Tensor([5]), requiresGradient: true)
        for _ in 0..<2 {
            let (value, gradients) = valueAndGradient(at: [w, unused]) { (w * 3).sum() }
            #expect(value == 9)
            #expect(gradients[0].scalars == [3, 3])
            #expect(gradients[1].scalars == [0])
        }
    }

    @Test func longChainsDoNotOverflowTheStack() {
        let x = Variable(Tensor(1), requiresGradient: true)
        var y = x
        for _ in 0..<20000 { y = y * 1 }
        y.backward()
        #expect(x.grad?.scalar == 1)
    }

    /// At a tie `minimum` and `maximum` give each operand half the gradient, and `clamped`
    /// passes none on its bounds: the values PyTorch 2.15 computes for the same tensors.
    @Test func boundariesFollowPyTorch() {
        let a = Variable(Tensor([1, 2, 3]), requiresGradient: true)
        let b = Variable(Tensor([1, 1, 4]), requiresGradient: true)
        Variable.minimum(a, b).sum().backward()
        #expect(a.grad == Tensor([0.5, 0, 1]) && b.grad == Tensor([0.5, 1, 0]))
        zeroGradients(of: [a, b])
        Variable.maximum(a, b).sum().backward()
        #expect(a.grad == Tensor([0.5, 1, 0]) && b.grad == Tensor([0.5, 0, 1]))
        let x = Variable(Tensor([-1, -0.5, 0, 0.5, 1]), requiresGradient: true)
        x.clamped(lower: -0.5, upper: 0.5).sum().backward()
        #expect(x.grad == Tensor([0, 0, 1, 0, 0]))
    }
}
