/// Median-cut colour quantisation (Heckbert, "Color Image Quantization for Frame Buffer
/// Display", 1982): split the set of colours into boxes, each time cutting the box with the
/// widest channel range at the pixel-weighted median of that channel, then represent each box
/// by its pixel-weighted mean colour.
enum MedianCut {
    /// A colour and how many pixels have it.
    struct Entry {
        var colour: RGB
        var count: Int
    }

    /// At most `limit` colours representing `entries`.
    ///
    /// - Complexity: O(n log n x log limit) for n entries, about.
    static func colours(for entries: [Entry], limit: Int) -> [RGB] {
        guard !entries.isEmpty, limit > 0 else { return [] }
        var boxes = [Box(entries)]
        while boxes.count < limit {
            // Ties go to the earliest box, which keeps the result independent of anything
            // but the input order.
            var chosen: Int?
            for index in boxes.indices where boxes[index].range > 0 {
                if chosen.map({ boxes[index].range > boxes[$0].range }) ?? true { chosen = index }
            }
            guard let chosen else { break }
            let channel = boxes[chosen].channel
            let sorted = boxes[chosen].entries.sorted {
                (component($0.colour, channel), $0.count) < (component($1.colour, channel), $1.count)
            }
            let half = sorted.reduce(0) { $0 + $1.count } / 2
            var cut = 1
            var running = sorted[0].count
            while cut < sorted.count - 1, running < half {
                running += sorted[cut].count
                cut += 1
            }
            boxes[chosen] = Box(Array(sorted[..<cut]))
            boxes.append(Box(Array(sorted[cut...])))
        }
        return boxes.map { mean($0.entries) }
    }

    /// A set of colours with its widest channel and that channel's range.
    private struct Box {
        let entries: [Entry]
        let channel: Int
        let range: Int

        init(_ entries: [Entry]) {
            self.entries = entries
            var lows = [255, 255, 255]
            var highs = [0, 0, 0]
            for entry in entries {
                for channel in 0..<3 {
                    let value = MedianCut.component(entry.colour, channel)
                    lows[channel] = min(lows[channel], value)
                    highs[channel] = max(highs[channel], value)
                }
            }
            let ranges = (0..<3).map { highs[$0] - lows[$0] }
            let widest = ranges.indices.max { ranges[$0] < ranges[$1] } ?? 0
            self.channel = widest
            self.range = ranges[widest]
        }
    }

    /// Channel 0 (red), 1 (green) or 2 (blue) of `colour`.
    private static func component(_ colour: RGB, _ channel: Int) -> Int {
        Int(channel == 0 ? colour.red : channel == 1 ? colour.green : colour.blue)
    }

    /// The pixel-weighted mean colour of `box`, rounded.
    private static func mean(_ box: [Entry]) -> RGB {
        let total = box.reduce(0) { $0 + $1.count }
        var sums = (0, 0, 0)
        for entry in box {
            sums.0 += Int(entry.colour.red) * entry.count
            sums.1 += Int(entry.colour.green) * entry.count
            sums.2 += Int(entry.colour.blue) * entry.count
        }
        return RGB(UInt8((sums.0 + total / 2) / total), UInt8((sums.1 + total / 2) / total), UInt8((sums.2 + total / 2) / total))
    }
}
