import Rendering

/// A small test picture: a gradient background with flat shapes and text on it.
func samplePicture(width: Int = 37, height: Int = 23) -> Frame {
    var frame = Frame(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width {
            let red = UInt8(x * 255 / max(width - 1, 1))
            let green = UInt8(y * 255 / max(height - 1, 1))
            let blue = UInt8((x * y) % 256)
            frame[x, y] = RGB(red, green, blue)
        }
    }
    var canvas = Canvas(frame: frame)
    canvas.fillRect(x: 3, y: 4, width: 10, height: 6, color: RGB(200, 30, 40))
    canvas.fillCircle(centre: Point(25, 12), radius: 6, color: RGB(10, 220, 90).withAlpha(0.5))
    canvas.drawText("Hi 7", at: Point(2, 14), color: RGB.black)
    return canvas.frame
}
