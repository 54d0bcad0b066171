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

    /// The AVX-512 tanh computes one branch for a block of 16 values all below 0.625 or all
    /// above, and both for a mixed block: every kind of block, and every tail length, gives the
    /// scalar bits.
    @Test func tanhGivesTheScalarBitsInEveryKindOfBlock() {
        let small: [Float] = (0..<16).map { Float($0) * 0.039 - 0.6 }
        let large: [Float] = (0..<16).map { Float($0) * ($0.isMultiple(of: 2) ? 0.7 : -1.3) + 0.625 }
        let mixed: [Float] = (0..<16).map { $0.isMultiple(of: 3) ? large[$0] : small[$0] }
        let special: [Float] = [.nan, -.nan, .infinity, -.infinity, 0, -0, 0.625, -0.625, Float.leastNormalMagnitude / 8, -9, 9, 18, 0.6249999, 3, -0.1, 0.5]
        let blocks = [small, large, mixed, special, small, special, large, mixed]
        let inputs = blocks.flatMap { $0 }
        for count in 0...inputs.count {
            var outputs = [Float](repeating: 7, count: inputs.count)
            nc_tanh(inputs, &outputs, count)
            for index in 0..<count {
                #expect(outputs[index].bitPattern == nc_tanhf(inputs[index]).bitPattern, "tanh(\(inputs[index])) of \(count)")
            }
            #expect(outputs[count...].allSatisfy { $0 == 7 }, "wrote past \(count) values")
        }
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
