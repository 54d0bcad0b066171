/// The one colour table an animated GIF uses for all its frames, and the map from every
/// colour in the frames to its entry.
///
/// When the frames hold at most 256 distinct colours, the table is exactly those colours, so
/// flat environment colours come out unchanged. Otherwise the `exactCount` most frequent
/// colours (by pixel count over all frames) are kept exactly and the remaining entries come
/// from median cut over the other colours, grouped first into 32768 cells of 5 bits per
/// channel; every other colour maps to the entry nearest (by squared RGB distance) to the
/// mean colour of its cell. The table lists exact colours by falling pixel count, ties by
/// colour value, so the same frames always give the same bytes.
struct GIFPalette {
    /// How many of the most frequent colours stay exact when quantisation is needed.
    static let exactCount = 64

    /// The table's colours, at most 256.
    let colours: [RGB]
    /// Table index of each colour that has its own entry, keyed by red << 16 | green << 8 | blue.
    private let exactIndex: [UInt32: UInt8]
    /// Table index for each 15-bit cell (see `cell(_:)`) of the other colours; empty when
    /// every colour is exact.
    private let cellIndex: [UInt8]

    /// Builds the palette for `frames`.
    ///
    /// - Complexity: O(pixels) to count colours, plus O(distinct colours) and a median cut
    ///   over at most 32768 cells when there are more than 256.
    init(frames: [Frame]) {
        let counts = GIFPalette.colourCounts(in: frames)
        let exact = GIFPalette.mostFrequent(counts, limit: counts.count <= 256 ? 256 : GIFPalette.exactCount)
        exactIndex = Dictionary(uniqueKeysWithValues: exact.enumerated().map { ($1.key, UInt8($0)) })
        let exactColours = exact.map { GIFPalette.colour($0.key) }
        guard counts.count > 256 else {
            colours = exactColours
            cellIndex = []
            return
        }
        var sums = [(red: Int, green: Int, blue: Int, count: Int)](repeating: (0, 0, 0, 0), count: 1 << 15)
        for (key, count) in counts where exactIndex[key] == nil {
            let colour = GIFPalette.colour(key)
            let cell = GIFPalette.cell(key)
            sums[cell].red += Int(colour.red) * count
            sums[cell].green += Int(colour.green) * count
            sums[cell].blue += Int(colour.blue) * count
            sums[cell].count += count
        }
        var means = [RGB?](repeating: nil, count: 1 << 15)
        var entries: [MedianCut.Entry] = []
        for (cell, sum) in sums.enumerated() where sum.count > 0 {
            let half = sum.count / 2
            let mean = RGB(UInt8((sum.red + half) / sum.count), UInt8((sum.green + half) / sum.count),
                           UInt8((sum.blue + half) / sum.count))
            means[cell] = mean
            entries.append(MedianCut.Entry(colour: mean, count: sum.count))
        }
        let table = exactColours + MedianCut.colours(for: entries, limit: 256 - exactColours.count)
        colours = table
        cellIndex = means.map { mean in mean.map { GIFPalette.nearest(to: $0, in: table) } ?? 0 }
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
                    lastKey = key
                    lastIndex = exactIndex[key] ?? index(ofCell: GIFPalette.cell(key), colour: key)
                }
                indices[pixel] = lastIndex
            }
        }
        return indices
    }

    /// The `limit` most frequent colours, by falling count and then rising key.
    ///
    /// - Complexity: O(n x limit) at worst, close to O(n) when few colours are frequent.
    private static func mostFrequent(_ counts: [UInt32: Int], limit: Int) -> [(key: UInt32, value: Int)] {
        func precedes(_ a: (key: UInt32, value: Int), _ b: (key: UInt32, value: Int)) -> Bool {
            a.value != b.value ? a.value > b.value : a.key < b.key
        }
        var best: [(key: UInt32, value: Int)] = []
        best.reserveCapacity(limit + 1)
        for entry in counts {
            if best.count == limit, let last = best.last, !precedes(entry, last) { continue }
            let position = best.firstIndex { precedes(entry, $0) } ?? best.count
            best.insert(entry, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// The table index for a colour without its own entry, through its cell.
    private func index(ofCell cell: Int, colour key: UInt32) -> UInt8 {
        precondition(!cellIndex.isEmpty, "expected a colour of the palette's frames, got \(GIFPalette.colour(key))")
        return cellIndex[cell]
    }

    /// The 15-bit cell of a colour key: the top 5 bits of each channel.
    private static func cell(_ key: UInt32) -> Int {
        let red = (key >> 9) & 0x7C00
        let green = (key >> 6) & 0x03E0
        let blue = (key >> 3) & 0x001F
        return Int(red | green | blue)
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
