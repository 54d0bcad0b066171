/// The one colour table an animated GIF uses for all its frames, and the map from every
/// colour in the frames to its entry.
///
/// When the frames hold at most 256 distinct colours, the table is exactly those colours, so
/// flat environment colours come out unchanged. Otherwise the `exactCount` most frequent
/// colours (by pixel count over all frames) are kept exactly and the remaining entries come
/// from median cut over the other colours; every colour maps to its nearest entry by squared
/// RGB distance. The table lists colours by falling pixel count, ties by colour value, so the
/// same frames always give the same bytes.
struct GIFPalette {
    /// How many of the most frequent colours stay exact when quantisation is needed.
    static let exactCount = 64

    /// The table's colours, at most 256.
    let colours: [RGB]
    /// Table index of each colour in the frames, keyed by `key(_:)`.
    private let indexByKey: [UInt32: UInt8]

    /// Builds the palette for `frames`.
    ///
    /// - Complexity: O(pixels) to count colours, plus O(distinct colours x 256) to map them
    ///   when there are more than 256.
    init(frames: [Frame]) {
        let counts = GIFPalette.colourCounts(in: frames)
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if counts.count <= 256 {
            colours = counts.map { GIFPalette.colour($0.key) }
            indexByKey = Dictionary(uniqueKeysWithValues: counts.enumerated().map { ($1.key, UInt8($0)) })
            return
        }
        let exact = counts.prefix(GIFPalette.exactCount).map { GIFPalette.colour($0.key) }
        let others = counts.dropFirst(GIFPalette.exactCount).map {
            MedianCut.Entry(colour: GIFPalette.colour($0.key), count: $0.value)
        }
        let table = exact + MedianCut.colours(for: others, limit: 256 - exact.count)
        colours = table
        var indexByKey: [UInt32: UInt8] = [:]
        indexByKey.reserveCapacity(counts.count)
        for (key, _) in counts {
            indexByKey[key] = GIFPalette.nearest(to: GIFPalette.colour(key), in: table)
        }
        self.indexByKey = indexByKey
    }

    /// The table index of every pixel of `frame`, row by row.
    ///
    /// - Precondition: every colour of `frame` was in the frames the palette was built from.
    func indices(of frame: Frame) -> [UInt8] {
        var indices = [UInt8](repeating: 0, count: frame.width * frame.height)
        var lastKey = UInt32.max
        var lastIndex: UInt8 = 0
        frame.pixels.withUnsafeBufferPointer { pixels in
            for pixel in indices.indices {
                let key = UInt32(pixels[pixel * 3]) << 16 | UInt32(pixels[pixel * 3 + 1]) << 8 | UInt32(pixels[pixel * 3 + 2])
                if key != lastKey {
                    guard let index = indexByKey[key] else {
                        preconditionFailure("expected a colour of the palette's frames, got \(GIFPalette.colour(key))")
                    }
                    lastKey = key
                    lastIndex = index
                }
                indices[pixel] = lastIndex
            }
        }
        return indices
    }

    /// Pixel counts of every colour in `frames`; runs of one colour are counted in one step.
    private static func colourCounts(in frames: [Frame]) -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for frame in frames {
            frame.pixels.withUnsafeBufferPointer { pixels in
                var runKey = UInt32.max
                var runLength = 0
                for pixel in 0..<(frame.width * frame.height) {
                    let key = UInt32(pixels[pixel * 3]) << 16 | UInt32(pixels[pixel * 3 + 1]) << 8 | UInt32(pixels[pixel * 3 + 2])
                    if key == runKey {
                        runLength += 1
                    } else {
                        if runLength > 0 { counts[runKey, default: 0] += runLength }
                        runKey = key
                        runLength = 1
                    }
                }
                counts[runKey, default: 0] += runLength
            }
        }
        return counts
    }

    /// The index in `table` of the colour nearest `colour`, the first on ties.
    private static func nearest(to colour: RGB, in table: [RGB]) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for (index, entry) in table.enumerated() {
            let dr = Int(entry.red) - Int(colour.red)
            let dg = Int(entry.green) - Int(colour.green)
            let db = Int(entry.blue) - Int(colour.blue)
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                best = index
                bestDistance = distance
                if distance == 0 { break }
            }
        }
        return UInt8(best)
    }

    /// The colour packed in `key` as red << 16 | green << 8 | blue.
    private static func colour(_ key: UInt32) -> RGB {
        RGB(UInt8(key >> 16), UInt8(key >> 8 & 0xFF), UInt8(key & 0xFF))
    }
}
