extension AnimatedGIF {
    /// The animation as the bytes of a GIF89a file.
    ///
    /// - Precondition: at least one frame was added.
    /// - Complexity: O(total pixels), plus palette quantisation when there are more than 256
    ///   colours (see `AnimatedGIF`).
    public func encoded() -> [UInt8] {
        precondition(!frames.isEmpty, "expected at least one frame to encode, got none")
        let (width, height) = (frames[0].width, frames[0].height)
        precondition(width <= 0xFFFF && height <= 0xFFFF, "expected a frame size up to 65535, got \(width) x \(height)")
        let palette = GIFPalette(frames: frames)
        var tableBits = 1
        while 1 << tableBits < palette.colours.count { tableBits += 1 }

        // MARK: - Header, screen, colour table, loop forever
        var bytes = Array("GIF89a".utf8)
        bytes.appendLittleEndian(width)
        bytes.appendLittleEndian(height)
        bytes += [0xF0 | UInt8(tableBits - 1), 0, 0]  // global table, 8-bit colour resolution
        for entry in 0..<(1 << tableBits) {
            let colour = entry < palette.colours.count ? palette.colours[entry] : .black
            bytes += [colour.red, colour.green, colour.blue]
        }
        bytes += [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0]

        // MARK: - Frames: the changed rectangle of each
        let encoder = LZWEncoder(minimumCodeSize: max(2, tableBits))
        let delays = AnimatedGIF.delays(count: frames.count, framesPerSecond: framesPerSecond)
        var previous: [UInt8]?
        for (frame, delay) in zip(frames, delays) {
            let indices = palette.indices(of: frame)
            let area = previous.map { changedArea(from: $0, to: indices, width: width, height: height) }
                ?? (x: 0, y: 0, width: width, height: height)
            bytes += [0x21, 0xF9, 4, 0x04]  // graphic control: disposal 1, keep this frame
            bytes.appendLittleEndian(delay)
            bytes += [0, 0]
            bytes.append(0x2C)
            for value in [area.x, area.y, area.width, area.height] { bytes.appendLittleEndian(value) }
            bytes.append(0)  // no local table, not interlaced
            bytes.append(UInt8(encoder.minimumCodeSize))
            let data = encoder.encode(crop(indices, width: width, to: area))
            var start = 0
            while start < data.count {
                let end = min(start + 255, data.count)
                bytes.append(UInt8(end - start))
                bytes += data[start..<end]
                start = end
            }
            bytes.append(0)
            previous = indices
        }
        bytes.append(0x3B)
        return bytes
    }

    /// The bounding box of the pixels whose index differs between `old` and `new`; a single
    /// pixel at the origin when nothing changed, since every frame needs an image.
    private func changedArea(
        from old: [UInt8], to new: [UInt8], width: Int, height: Int
    ) -> (x: Int, y: Int, width: Int, height: Int) {
        var (left, top, right, bottom) = (width, height, -1, -1)
        for y in 0..<height {
            let row = y * width
            var x = 0
            while x < width, old[row + x] == new[row + x] { x += 1 }
            guard x < width else { continue }
            var last = width - 1
            while old[row + last] == new[row + last] { last -= 1 }
            (left, right) = (min(left, x), max(right, last))
            (top, bottom) = (min(top, y), y)
        }
        guard right >= 0 else { return (0, 0, 1, 1) }
        return (left, top, right - left + 1, bottom - top + 1)
    }

    /// The indices inside `area` of an image `width` pixels wide, row by row.
    private func crop(_ indices: [UInt8], width: Int, to area: (x: Int, y: Int, width: Int, height: Int)) -> [UInt8] {
        guard area.width != width else { return Array(indices[(area.y * width)..<((area.y + area.height) * width)]) }
        var result: [UInt8] = []
        result.reserveCapacity(area.width * area.height)
        for y in area.y..<(area.y + area.height) {
            result += indices[(y * width + area.x)..<(y * width + area.x + area.width)]
        }
        return result
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as two bytes, least significant first.
    mutating func appendLittleEndian(_ value: Int) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8 & 0xFF))
    }
}
