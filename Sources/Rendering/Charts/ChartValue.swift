#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which numbers a chart draws, and how numbers are written into its SVG text.
enum ChartValue {
    /// The largest magnitude drawn. Beyond it differences between values could overflow to
    /// infinity, so such values are skipped like NaN and infinities.
    static let largestPlottable = 1e300

    /// Whether `value` is finite and at most `largestPlottable` in magnitude.
    static func isPlottable(_ value: Double) -> Bool {
        value.isFinite && abs(value) <= largestPlottable
    }

    /// `value` as an SVG coordinate: at most two decimals, no trailing zeros, "0" if not finite.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return trimmed(formatted(value, "%.2f"))
    }

    /// `value` with `decimals` digits after the point, trailing zeros (and a bare point) removed.
    static func decimal(_ value: Double, decimals: Int) -> String {
        trimmed(formatted(value, "%.\(min(max(decimals, 0), 20))f"))
    }

    /// `value` with `digits` significant digits, in scientific notation when large or small.
    static func significant(_ value: Double, digits: Int) -> String {
        formatted(value, "%.\(min(max(digits, 1), 17))g")
    }

    /// `value` written by the C `printf` conversion `format`, which never depends on the
    /// user's locale here since the process stays in the C locale unless it asks otherwise.
    private static func formatted(_ value: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let count = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        guard count > 0 else { return "0" }
        let bytes = buffer.prefix(min(Int(count), buffer.count - 1)).map { UInt8(bitPattern: $0) }
        let text = String(decoding: bytes, as: UTF8.self)
        return text == "-0" ? "0" : text
    }

    /// `text` without trailing zeros after a decimal point, nor the point itself if bare.
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return result == "-0" ? "0" : String(result)
    }
}
