/// Builds the text of SVG elements, escaping every attribute value and text content for XML.
enum SVGElement {
    /// An element `name` with `attributes` in the given order, empty or holding `text`.
    static func make(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) -> String {
        let attributeText = attributes.map { " \($0.key)=\"\(escaped($0.value))\"" }.joined()
        guard let text else { return "<\(name)\(attributeText)/>" }
        return "<\(name)\(attributeText)>\(escaped(text))</\(name)>"
    }

    /// `text` made safe as XML content or attribute value: the five special characters become
    /// entity references and control characters, which XML 1.0 does not allow, are dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `text` cut to at most `limit` characters, ending in "…" when cut, so that a label whose
    /// width can only be estimated stays inside the room it has.
    static func shortened(_ text: String, toCharacters limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(limit - 1, 0))) + "…"
    }

    /// `color` as an SVG hex colour, `#rrggbb`.
    static func hex(_ color: RGB) -> String {
        "#" + [color.red, color.green, color.blue].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// `color` mixed with white, a fifth of the colour: a band's fill, solid so that every
    /// renderer (ImageMagick's ignores `fill-opacity`) draws it the same under the curves.
    static func tint(_ color: RGB) -> String {
        func mix(_ byte: UInt8) -> UInt8 { UInt8((Int(byte) + 4 * 255 + 2) / 5) }
        return hex(RGB(mix(color.red), mix(color.green), mix(color.blue)))
    }
}
