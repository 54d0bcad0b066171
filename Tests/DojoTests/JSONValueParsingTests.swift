import Dojo
import Testing

@Suite struct JSONValueParsingTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(parsing: #" { "a": [1, -2.5e2, 0.125, true, false, null], "b": {"c": "x\"\\\/\n\u00e9\ud83d\ude00"} } "#)
        #expect(value == ["a": [1, -250, 0.125, true, false, nil], "b": ["c": "x\"\\/\né😀"]])
        #expect(try JSONValue(parsing: "[]") == [])
        #expect(try JSONValue(parsing: "{}") == [:])
        #expect(try JSONValue(parsing: "-0") == .number(-0.0))
        #expect(try JSONValue(parsing: "1e-400") == 0)
        #expect(try JSONValue(parsing: "\"naïve\"") == "naïve")
    }

    @Test func roundTripsThroughItsOwnText() throws {
        let value: JSONValue = ["state": [0.1, -2, 1e300], "name": "a\tb", "flag": false, "none": nil]
        #expect(try JSONValue(parsing: value.jsonText) == value)
    }

    /// The out-of-range number is named, with its place: not a decoder's confusion about dictionaries.
    @Test func numberOutOfRangeIsNamedWithItsPlace() {
        let error = #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: #"{"state":[1e400,0,0,0]}"#) }
        #expect(error?.reason == "number 1e400 is out of range of a 64-bit float")
        #expect(error?.line == 1 && error?.column == 11)
        #expect(error?.description.contains("line 1, column 11: number 1e400 is out of range") == true)
    }

    @Test(arguments: [
        ("", 1, 1, "unexpected end of input, expected a value"),
        ("[1,]", 1, 4, "unexpected \"]\", expected a value"),
        ("{\"a\":1,}", 1, 8, "unexpected \"}\", expected a key in double quotes"),
        ("{\"a\" 1}", 1, 6, "unexpected \"1\", expected \":\" after a key"),
        ("[1 2]", 1, 4, "unexpected \"2\", expected \",\" or \"]\" in an array"),
        ("01", 1, 2, "a number may not have a leading zero"),
        ("1.", 1, 3, "unexpected end of input, expected a digit after \".\""),
        ("-", 1, 2, "unexpected end of input, expected a digit"),
        ("1e+", 1, 4, "unexpected end of input, expected a digit in the exponent"),
        ("NaN", 1, 1, "unexpected \"N\", expected a value"),
        ("tru", 1, 1, "unexpected \"t\", expected a value"),
        ("\"abc", 1, 5, "unterminated string"),
        ("\"a\tb\"", 1, 3, "control character U+09 in a string; escape it"),
        ("\"\\x\"", 1, 3, "unknown escape \\\"x\""),
        ("\"\\u12G4\"", 1, 6, "unexpected \"G\", expected four hexadecimal digits after \\u"),
        ("\"\\ud800\"", 1, 2, "\\u escape of a lone surrogate"),
        ("{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate key \"a\""),
        ("[1]\n  x", 2, 3, "unexpected \"x\" after the value"),
        ("// comment\n1", 1, 1, "unexpected \"/\", expected a value"),
    ])
    func malformedTextIsRefusedWithItsPlace(text: String, line: Int, column: Int, reason: String) {
        let error = #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: text) }
        #expect(error?.reason == reason)
        #expect(error?.line == line && error?.column == column, "\(text.debugDescription): \(String(describing: error))")
    }

    @Test func columnsCountCharactersNotBytes() {
        let error = #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: "[\"é\", x]") }
        #expect(error?.column == 7)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: JSONValue.ParseError.self) { try JSONValue(parsing: deep) }
        #expect(error?.reason == "nesting deeper than 512 levels")
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect((try? JSONValue(parsing: allowed)) != nil)
    }
}
