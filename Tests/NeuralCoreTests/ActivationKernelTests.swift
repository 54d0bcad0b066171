import CNeuralKernels
import Foundation
import NeuralCore
import Testing

/// NeuralCore's vectorised tanh and sigmoid against float64, and against themselves: the array
/// kernels (widest instruction set) and the scalar entry points give the same bits.
struct ActivationKernelTests {
    /// Every 97th float from 0 to 20, both signs, plus the special values.
    static let inputs: [Float] = {
        var values: [Float] = [0, -0, .infinity, -.infinity, 1e-30, -1e-30, 0.625, -0.625, 9, 100]
        var bits: UInt32 = 0
        while true {
            let x = Float(bitPattern: bits)
            if x > 20 { break }
            values.append(x)
            values.append(-x)
            bits += 9973
        }
        return values
    }()

    static func ulpError(_ value: Float, _ exact: Double) -> Double {
        let rounded = Float(exact)
        let ulp = Double(rounded.nextUp) - Double(rounded)
        return abs(Double(value) - exact) / ulp
    }

    @Test func tanhIsWithinOneAndAHalfUlp() {
        var outputs = [Float](repeating: 0, count: Self.inputs.count)
        nc_tanh(Self.inputs, &outputs, Self.inputs.count)
        for (x, y) in zip(Self.inputs, outputs) {
            #expect(Self.ulpError(y, Foundation.tanh(Double(x))) <= 1.5, "tanh(\(x)) = \(y)")
            #expect(y.bitPattern == nc_tanhf(x).bitPattern)
        }
        #expect(nc_tanhf(.nan).isNaN)
    }

    @Test func sigmoidIsWithinTwoUlp() {
        var outputs = [Float](repeating: 0, count: Self.inputs.count)
        nc_sigmoid(Self.inputs, &outputs, Self.inputs.count)
        for (x, y) in zip(Self.inputs, outputs) {
            let exact = 1 / (1 + Foundation.exp(-Double(x)))
            if exact < 1e-37 { continue }
            #expect(Self.ulpError(y, exact) <= 2, "sigmoid(\(x)) = \(y)")
            #expect(y.bitPattern == nc_sigmoidf(x).bitPattern)
        }
        #expect(nc_sigmoidf(.nan).isNaN)
    }
}
