/// GIF's variant of LZW compression (GIF89a specification, appendix F): variable code sizes
/// from `minimumCodeSize + 1` up to 12 bits, packed least significant bit first, a clear code
/// first and whenever the 4096-entry code table fills, an end-of-information code last.
struct LZWEncoder {
    /// The code size the stream starts from, also written before the data in the file.
    let minimumCodeSize: Int

    /// Creates an encoder for symbols below `1 << minimumCodeSize`.
    ///
    /// - Precondition: `minimumCodeSize` is in 2...8, as GIF requires.
    init(minimumCodeSize: Int) {
        precondition((2...8).contains(minimumCodeSize), "expected an LZW minimum code size in 2...8, got \(minimumCodeSize)")
        self.minimumCodeSize = minimumCodeSize
    }

    /// The compressed code stream for `symbols`, not yet split into GIF sub-blocks.
    ///
    /// - Complexity: O(symbols.count), expected (one hash lookup per symbol).
    func encode(_ symbols: [UInt8]) -> [UInt8] {
        let clearCode = 1 << minimumCodeSize
        let endCode = clearCode + 1
        var codeSize = minimumCodeSize + 1
        var nextCode = endCode + 1
        var table = CodeTable()
        var writer = BitWriter()
        writer.write(clearCode, bits: codeSize)
        guard let first = symbols.first else {
            writer.write(endCode, bits: codeSize)
            return writer.finish()
        }
        var prefix = Int(first)
        for symbol in symbols.dropFirst() {
            let key = prefix << 8 | Int(symbol)
            if let code = table.code(for: key) {
                prefix = code
                continue
            }
            writer.write(prefix, bits: codeSize)
            if nextCode < 4096 {
                table.insert(key, code: nextCode)
                nextCode += 1
                // The decoder adds its entries one code later, so it widens its codes when
                // our next code passes 1 << codeSize, not when it reaches it.
                if nextCode > 1 << codeSize, codeSize < 12 { codeSize += 1 }
            } else {
                writer.write(clearCode, bits: codeSize)
                table.removeAll()
                codeSize = minimumCodeSize + 1
                nextCode = endCode + 1
            }
            prefix = Int(symbol)
        }
        writer.write(prefix, bits: codeSize)
        writer.write(endCode, bits: codeSize)
        return writer.finish()
    }
}

/// The string table: maps (prefix code, next symbol), packed as `prefix << 8 | symbol`, to a
/// code; open addressing over 8192 slots, twice the most codes GIF allows.
private struct CodeTable {
    private static let capacity = 8192
    private var keys = [Int32](repeating: -1, count: capacity)
    private var codes = [Int16](repeating: 0, count: capacity)

    func code(for key: Int) -> Int? {
        var slot = CodeTable.slot(for: key)
        while keys[slot] >= 0 {
            if keys[slot] == Int32(key) { return Int(codes[slot]) }
            slot = (slot + 1) & (CodeTable.capacity - 1)
        }
        return nil
    }

    mutating func insert(_ key: Int, code: Int) {
        var slot = CodeTable.slot(for: key)
        while keys[slot] >= 0 { slot = (slot + 1) & (CodeTable.capacity - 1) }
        keys[slot] = Int32(key)
        codes[slot] = Int16(code)
    }

    mutating func removeAll() {
        for slot in keys.indices { keys[slot] = -1 }
    }

    private static func slot(for key: Int) -> Int {
        Int((UInt32(truncatingIfNeeded: key) &* 2_654_435_761) >> 19) & (capacity - 1)
    }
}

/// Packs codes of varying width into bytes, least significant bit first.
private struct BitWriter {
    private var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    mutating func write(_ code: Int, bits: Int) {
        buffer |= UInt64(code) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        return bytes
    }
}
