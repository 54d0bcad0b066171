/// The built-in 5 x 7 pixel font for overlays such as "episode 3  step 120  return 120.0".
///
/// It covers printable ASCII (space to `~`): digits, upper- and lower-case letters and common
/// punctuation. Lower-case letters sit on the baseline without descenders. Each character
/// advances 6 pixels (one blank column between glyphs), and lines are 9 pixels apart.
/// Characters outside printable ASCII are drawn as `?`.
public enum BitmapFont {
    /// Width of a glyph's ink in pixels, before scaling.
    public static let glyphWidth = 5
    /// Height of a glyph's ink in pixels, before scaling.
    public static let glyphHeight = 7
    /// Horizontal distance from one character to the next, before scaling.
    public static let advance = 6
    /// Vertical distance from one line of text to the next, before scaling.
    public static let lineHeight = 9

    /// The glyph for `character`: 7 rows of 5 bits each, row 0 in bits 34...30, and in each
    /// row the leftmost pixel in the highest bit. Unsupported characters give `?`'s glyph.
    public static func glyph(for character: Unicode.Scalar) -> UInt64 {
        let code = Int(character.value)
        guard (32...126).contains(code) else { return glyphs[Int(("?" as Unicode.Scalar).value) - 32] }
        return glyphs[code - 32]
    }

    /// Whether the pixel at (`column`, `row`) of `glyph` is ink.
    ///
    /// - Precondition: `column` is in 0..<5 and `row` in 0..<7.
    public static func isInk(_ glyph: UInt64, column: Int, row: Int) -> Bool {
        precondition((0..<glyphWidth).contains(column) && (0..<glyphHeight).contains(row),
                     "expected a glyph position inside 5 x 7, got (\(column), \(row))")
        let bit = (glyphHeight - 1 - row) * glyphWidth + (glyphWidth - 1 - column)
        return glyph >> UInt64(bit) & 1 == 1
    }

    /// The size in pixels of the box `text` occupies when drawn at `scale`: the widest line's
    /// glyphs and the gaps between them, by the lines from the first glyph top to the last
    /// glyph bottom. Empty text measures 0 x 0.
    ///
    /// - Precondition: `scale` is positive.
    public static func size(of text: String, scale: Int = 1) -> (width: Int, height: Int) {
        precondition(scale > 0, "expected a positive text scale, got \(scale)")
        guard !text.isEmpty else { return (0, 0) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let longest = lines.map { $0.unicodeScalars.count }.max() ?? 0
        let width = longest == 0 ? 0 : (longest * advance - (advance - glyphWidth)) * scale
        let height = ((lines.count - 1) * lineHeight + glyphHeight) * scale
        return (width, height)
    }

    /// Glyphs for scalars 32 through 126, one 35-bit picture each (see `glyph(for:)`).
    private static let glyphs: [UInt64] = [
        0x000000000, 0x108421004, 0x294A00000, 0x295F57D4A, 0x11F4717C4, 0x632222263,  //   ! " # $ %
        0x32544564D, 0x108800000, 0x088842082, 0x208210888, 0x009575480, 0x0084F9080,  // & ' ( ) * +
        0x000003088, 0x0000F8000, 0x00000018C, 0x002222200, 0x3A33AE62E, 0x11842108E,  // , - . / 0 1
        0x3A211111F, 0x7C441062E, 0x08CA97C42, 0x7E1E0862E, 0x1910F462E, 0x7C2222108,  // 2 3 4 5 6 7
        0x3A317462E, 0x3A317844C, 0x018C03180, 0x018C03088, 0x088882082, 0x001F07C00,  // 8 9 : ; < =
        0x208208888, 0x3A2111004, 0x3A216D6AE, 0x3A31FC631, 0x7A31F463E, 0x3A308422E,  // > ? @ A B C
        0x72518C65C, 0x7E10F421F, 0x7E10F4210, 0x3A30BC62F, 0x4631FC631, 0x38842108E,  // D E F G H I
        0x1C4210A4C, 0x4654C5251, 0x42108421F, 0x4775AC631, 0x4639ACE31, 0x3A318C62E,  // J K L M N O
        0x7A31F4210, 0x3A318D64D, 0x7A31F5251, 0x3E107043E, 0x7C8421084, 0x46318C62E,  // P Q R S T U
        0x46318C544, 0x4631AD6AA, 0x462A22A31, 0x462A21084, 0x7C222221F, 0x39084210E,  // V W X Y Z [
        0x020820820, 0x38421084E, 0x115100000, 0x00000001F, 0x208200000, 0x000E0BE2F,  // \ ] ^ _ ` a
        0x4216CC63E, 0x000E8422E, 0x042D9C62F, 0x000E8FE0E, 0x1928E2108, 0x01F18BC2E,  // b c d e f g
        0x4216CC631, 0x100C2108E, 0x080610A4C, 0x4212A6292, 0x30842108E, 0x001AAD631,  // h i j k l m
        0x0016CC631, 0x000E8C62E, 0x001E8FA10, 0x000D9BC21, 0x0016CC210, 0x000E8383E,  // n o p q r s
        0x211C42126, 0x00118C66D, 0x00118C544, 0x00118D6AA, 0x001151151, 0x00118BC2E,  // t u v w x y
        0x001F1111F, 0x088441082, 0x108421084, 0x208411088, 0x0008A8800,  // z { | } ~
    ]
}
