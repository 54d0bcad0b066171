import Dojo
import Environments
import Foundation
import Rendering
import Testing
import TestSupport

@Suite struct CartPoleRenderingTests {
    static func frame(_ state: [Double]) throws -> Frame {
        var env = CartPole()
        _ = try env.reset(seed: 0, options: ["state": .array(state.map { .number($0) })])
        guard case .frame(let frame)? = env.render(.rgb) else { throw CartPoleFrameMissing() }
        return frame
    }

    struct CartPoleFrameMissing: Error {}

    @Test(arguments: [
        ("upright", [0.0, 0, 0, 0]),
        ("leaning-right", [1.0, 0, 0.15, 0]),
        ("leaning-left-near-edge", [-2.2, 0, -0.2, 0]),
    ])
    func matchesTheGoldenImage(name: String, state: [Double]) throws {
        let mismatch = GoldenImage.mismatch(try Self.frame(state), name: name, group: "CartPole", bundle: .module)
        #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
    }

    /// The cart, pole, axle and track sit where Gymnasium's geometry puts them for the state.
    @Test(arguments: [-1.5, 0.0, 0.8, 2.0], [-0.18, 0.0, 0.1])
    func partsAreWhereTheStateSays(x: Double, theta: Double) throws {
        let frame = try Self.frame([x, 0, theta, 0])
        #expect(frame.width == 600 && frame.height == 400)
        let cartColumn = Int((x * 125 + 300).rounded(.down))
        // Cart: 50 x 30 px centred on x*125+300, spanning heights 85...115 above the bottom.
        #expect(frame[cartColumn - 20, 400 - 90] == CartPole.colors.cart)
        #expect(frame[cartColumn + 20, 400 - 110] == CartPole.colors.cart)
        #expect(frame[cartColumn - 30, 400 - 90] == CartPole.colors.background)
        #expect(frame[cartColumn, 400 - 120] != CartPole.colors.cart)
        // Axle: a disc at the cart's centre, 107.5 px up.
        #expect(frame[cartColumn, 292] == CartPole.colors.axle)
        // Pole: 125 px (1 m at 125 px/m) from 5 px below the axle to 120 px above, 10 px wide, turned by theta.
        for distance in [30.0, 60.0, 115.0] {
            let px = x * 125 + 300 + distance * sin(theta), py = 292.5 - distance * cos(theta)
            #expect(frame[Int(px), Int(py)] == CartPole.colors.pole, "pole at distance \(distance)")
        }
        let beyond = (x * 125 + 300 + 126 * sin(theta), 292.5 - 126 * cos(theta))
        #expect(frame[Int(beyond.0), Int(beyond.1)] == CartPole.colors.background)
        // Track: one black row 100 px above the bottom, across the frame away from the cart.
        let farColumn = cartColumn < 300 ? 590 : 10
        #expect(frame[farColumn, 299] == CartPole.colors.track)
        #expect(frame[farColumn, 298] == CartPole.colors.background)
    }
}
