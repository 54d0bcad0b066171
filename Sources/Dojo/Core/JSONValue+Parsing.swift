extension JSONValue {
    /// Parses `text` as one JSON value (RFC 8259), strictly: no comments, no trailing commas,
    /// no duplicate keys, numbers that fit a `Double`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    /// - Throws: `JSONValue.ParseError` naming what was wrong and its line and column.
    public init(parsing text: String) throws(JSONValue.ParseError) {
        var parser = JSONParser(bytes: Array(text.utf8))
        do throws(JSONParser.Failure) {
            self = try parser.parseDocument()
        } catch {
            let (line, column) = parser.lineAndColumn(of: error.offset)
            throw ParseError(text: text, reason: error.reason, line: line, column: column)
        }
    }

    /// Why a text is not valid JSON, and where.
    public struct ParseError: Error, CustomStringConvertible, Sendable, Equatable {
        /// The text that failed to parse.
        public let text: String
        /// What was wrong, e.g. "number 1e400 is out of range of a 64-bit float".
        public let reason: String
        /// The line of the offending character, from 1.
        public let line: Int
        /// The column of the offending character on its line, from 1, counted in characters.
        public let column: Int

        public var description: String {
            let shown = text.count <= 80 ? " \(text.debugDescription)" : ""
            return "invalid JSON\(shown) at line \(line), column \(column): \(reason)"
        }
    }
}

/// A recursive-descent reader of JSON text, over its UTF-8 bytes.
struct JSONParser {
    /// A syntax error at a byte offset.
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    /// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var offset = 0
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// One value, with nothing but whitespace around it.
    mutating func parseDocument() throws(Failure) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else { throw failure("unexpected \(describeCurrent()) after the value") }
        return value
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    func lineAndColumn(of target: Int) -> (Int, Int) {
        var line = 1, lineStart = 0
        for index in 0..<min(target, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = bytes[lineStart..<min(target, bytes.count)].reduce(1) { count, byte in
            byte & 0xC0 == 0x80 ? count : count + 1
        }
        return (line, column)
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        skipWhitespace()
        guard offset < bytes.count else { throw failure("unexpected end of input, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try nested { (parser: inout JSONParser) throws(Failure) in try parser.parseObject() }
        case UInt8(ascii: "["): return try nested { (parser: inout JSONParser) throws(Failure) in try parser.parseArray() }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func nested(_ parse: (inout JSONParser) throws(Failure) -> JSONValue) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        depth += 1
        defer { depth -= 1 }
        return try parse(&self)
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        offset += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            let keyOffset = offset
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describeCurrent()), expected a key in double quotes")
            }
            let key = try parseString()
            guard members[key] == nil else { throw Failure(offset: keyOffset, reason: "duplicate key \(key.debugDescription)") }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw failure("unexpected \(describeCurrent()), expected \":\" after a key") }
            members[key] = try parseValue()
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return .object(members) }
            throw failure("unexpected \(describeCurrent()), expected \",\" or \"}\" in an object")
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            throw failure("unexpected \(describeCurrent()), expected \",\" or \"]\" in an array")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw failure("unexpected \(describeCurrent()), expected a value")
        }
        offset += expected.count
        return value
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = offset
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            guard !isDigit(at: offset) else { throw failure("a number may not have a leading zero") }
        } else {
            guard isDigit(at: offset) else { throw failure("unexpected \(describeCurrent()), expected a digit") }
            skipDigits()
        }
        if consume(UInt8(ascii: ".")) {
            guard isDigit(at: offset) else { throw failure("unexpected \(describeCurrent()), expected a digit after \".\"") }
            skipDigits()
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
            guard isDigit(at: offset) else { throw failure("unexpected \(describeCurrent()), expected a digit in the exponent") }
            skipDigits()
        }
        let literal = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            throw Failure(offset: start, reason: "number \(literal) is out of range of a 64-bit float")
        }
        return value
    }

    private mutating func parseString() throws(Failure) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        while true {
            guard offset < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: decodeRun(runStart..<offset))
                offset += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("control character U+\(hex(byte)) in a string; escape it") }
            if byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: decodeRun(runStart..<offset))
                scalars.append(try parseEscape())
                runStart = offset
                continue
            }
            offset += 1
        }
    }

    /// The text is a Swift `String`, so its bytes are valid UTF-8 and a run between escapes decodes as is.
    private func decodeRun(_ range: Range<Int>) -> String.UnicodeScalarView {
        String(decoding: bytes[range], as: UTF8.self).unicodeScalars
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        offset += 1
        guard offset < bytes.count else { throw failure("unterminated string") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let escapeStart = offset - 2
            let unit = try parseHexUnit()
            if UTF16.isLeadSurrogate(unit), bytes.count - offset >= 6,
               bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            {
                offset += 2
                let trail = try parseHexUnit()
                if UTF16.isTrailSurrogate(trail),
                   let scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00))
                {
                    return scalar
                }
            }
            guard let scalar = Unicode.Scalar(UInt32(unit)) else {
                throw Failure(offset: escapeStart, reason: "\\u escape of a lone surrogate")
            }
            return scalar
        default:
            offset -= 1
            throw failure("unknown escape \\\(describeCurrent())")
        }
    }

    private mutating func parseHexUnit() throws(Failure) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = hexDigitValue(bytes[offset]) else {
                throw failure("unexpected \(describeCurrent()), expected four hexadecimal digits after \\u")
            }
            unit = unit << 4 | UInt16(digit)
            offset += 1
        }
        return unit
    }

    private func hexDigitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private mutating func skipDigits() {
        while isDigit(at: offset) { offset += 1 }
    }

    private func isDigit(at index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)).debugDescription }
        return "byte 0x\(hex(byte))"
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: offset, reason: reason)
    }
}
