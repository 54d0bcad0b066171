#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One axis of a chart: the range of values it spans, its tick values and their labels.
///
/// Ticks fall on whole multiples of a "nice" step, 1, 2 or 5 times a power of ten, chosen so
/// that about the requested number of ticks fit in the range.
struct ChartAxis {
    /// The value at the start of the axis (left or bottom).
    let lower: Double
    /// The value at the end of the axis (right or top); always above `lower`.
    let upper: Double
    /// The distance between neighbouring ticks.
    let step: Double
    /// The tick values, increasing, all within `lower...upper`.
    let ticks: [Double]

    /// An axis covering `values` (all plottable), widened on each side by `padding` times the
    /// span, with about `targetTickCount` ticks.
    ///
    /// With no values the axis spans 0 to 1. Values (nearly) all equal get a span of a tenth of
    /// their magnitude each side, or 1 each side around zero, so the axis never collapses.
    init(covering values: [Double], padding: Double, targetTickCount: Int) {
        var lower = values.min() ?? 0
        var upper = values.max() ?? 1
        let magnitude = max(abs(lower), abs(upper))
        if upper - lower <= max(magnitude * 1e-9, 1e-200) {
            let centre = lower / 2 + upper / 2
            let half = magnitude > 1e-200 ? magnitude / 10 : 1
            lower = centre - half
            upper = centre + half
        }
        let margin = (upper - lower) * padding
        self.lower = lower - margin
        self.upper = upper + margin
        self.step = ChartAxis.niceStep(forSpan: self.upper - self.lower, tickCount: max(targetTickCount, 2))
        self.ticks = ChartAxis.multiples(of: step, from: self.lower, to: self.upper)
    }

    /// Where `value` falls along the axis: 0 at `lower`, 1 at `upper`.
    func fraction(of value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    /// The label of tick `value`, written compactly: thousands as "25k", millions as "1M",
    /// then "B" and "T"; decimals only as many as the step needs. Axes reaching 10^15 or with
    /// steps under 10^-4 use scientific notation instead.
    func label(for value: Double) -> String {
        let largest = max(abs(lower), abs(upper))
        if largest >= 1e15 || step < 1e-4 {
            let digits = Int(log10(largest / step).rounded(.up)) + 1
            return ChartValue.significant(value, digits: digits)
        }
        let units: [(scale: Double, suffix: String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        let unit = units.first { abs(value) >= $0.scale } ?? (scale: 1, suffix: "")
        let decimals = Int((-log10(step / unit.scale) - 1e-9).rounded(.up))
        return ChartValue.decimal(value / unit.scale, decimals: decimals) + unit.suffix
    }

    /// The step of 1, 2 or 5 times a power of ten closest to dividing `span` in `tickCount`.
    private static func niceStep(forSpan span: Double, tickCount: Int) -> Double {
        let raw = span / Double(tickCount)
        let power = pow(10, log10(raw).rounded(.down))
        let normalised = raw / power
        let factor: Double = normalised < 1.5 ? 1 : normalised < 3.5 ? 2 : normalised < 7.5 ? 5 : 10
        return factor * power
    }

    /// The whole multiples of `step` within `lower...upper`, or the two ends if that would be
    /// none or an unreasonable number (which only rounding at extreme magnitudes can cause).
    private static func multiples(of step: Double, from lower: Double, to upper: Double) -> [Double] {
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        let count = last - first + 1
        guard step.isFinite, step > 0, count.isFinite, count >= 1, count <= 100 else { return [lower, upper] }
        return (0..<Int(count)).map { (first + Double($0)) * step }.filter { $0 >= lower && $0 <= upper }
    }
}
