import Foundation
import Dojo
import Rendering

extension CartPole {
    /// Frame width in pixels, as Gymnasium's `screen_width`.
    public static let screenWidth = 600
    /// Frame height in pixels, as Gymnasium's `screen_height`.
    public static let screenHeight = 400
    /// Pixels per metre: the frame spans the track from -4.8 to 4.8.
    public static let pixelsPerMetre = Double(screenWidth) / (xThreshold * 2)
    /// Height of the cart's top above the bottom edge, in pixels (Gymnasium's `carty`).
    public static let cartTop = 100.0
    /// Cart width and height in pixels.
    public static let cartSize = (width: 50.0, height: 30.0)
    /// Pole width in pixels; its length is the full pole length in pixels.
    public static let poleWidth = 10.0
    /// The axle sits this far above the cart's centre line (Gymnasium's `axleoffset`).
    public static let axleOffset = cartSize.height / 4
    /// Gymnasium's colours: black cart and track, brown pole, lilac axle, white ground.
    public static let colors = (background: RGB.white, cart: RGB.black, pole: RGB(202, 152, 101), axle: RGB(129, 132, 203), track: RGB.black)

    /// The state drawn as Gymnasium draws it: a 600 x 400 frame with the cart, the pole turned
    /// by theta around the axle, the axle, and the track line.
    ///
    /// Gymnasium draws with y up and flips the picture; here y points down, so a height `h`
    /// above the bottom edge is row coordinate `screenHeight - h`.
    public var frame: Frame {
        var canvas = Canvas(width: Self.screenWidth, height: Self.screenHeight, background: Self.colors.background)
        let cartX = cartCentreX
        let top = Double(Self.screenHeight)
        let halfWidth = Self.cartSize.width / 2, halfHeight = Self.cartSize.height / 2
        canvas.fillPolygon([
            Point(cartX - halfWidth, top - (Self.cartTop - halfHeight)), Point(cartX - halfWidth, top - (Self.cartTop + halfHeight)),
            Point(cartX + halfWidth, top - (Self.cartTop + halfHeight)), Point(cartX + halfWidth, top - (Self.cartTop - halfHeight)),
        ], color: Self.colors.cart)
        canvas.fillPolygon(poleCorners, color: Self.colors.pole)
        canvas.fillCircle(
            centre: .centre(ofPixel: Int(cartX), Self.screenHeight - 1 - Int(Self.cartTop + Self.axleOffset)),
            radius: Self.poleWidth / 2, color: Self.colors.axle)
        canvas.fillRect(x: 0, y: Self.screenHeight - 1 - Int(Self.cartTop), width: Self.screenWidth, height: 1, color: Self.colors.track)
        return canvas.frame
    }

    /// The cart's centre column in frame coordinates.
    public var cartCentreX: Double {
        state[0] * Self.pixelsPerMetre + Double(Self.screenWidth) / 2
    }

    /// The axle's position in frame coordinates (y down).
    public var axle: Point {
        Point(cartCentreX, Double(Self.screenHeight) - (Self.cartTop + Self.axleOffset))
    }

    /// The pole's four corners in frame coordinates: the rectangle from half a width below the
    /// axle to the pole's length above it, turned by theta (positive leans right).
    public var poleCorners: [Point] {
        let length = Self.pixelsPerMetre * 2 * Self.halfPoleLength
        let half = Self.poleWidth / 2
        let sine = sin(state[2]), cosine = cos(state[2])
        return [(-half, -half), (-half, length - half), (half, length - half), (half, -half)].map { x, y in
            Point(axle.x + x * cosine + y * sine, axle.y - (-x * sine + y * cosine))
        }
    }
}
