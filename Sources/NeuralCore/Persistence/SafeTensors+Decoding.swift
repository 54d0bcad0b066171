import Foundation

extension SafeTensors {
    /// Parses and validates a file's bytes.
    ///
    /// Checks, in order: the 8-byte prefix, the header length against the bytes present and
    /// the 100 MB cap, the JSON form, each tensor's dtype, shape and offsets against the data
    /// section, that the tensors' ranges tile the data section without overlaps or gaps (as
    /// the reference implementation requires), and only then copies the data.
    /// - Throws: ``SafeTensorsError`` naming the tensor or section at fault.
    public init(data: Data) throws(SafeTensorsError) {
        guard data.count >= 8 else { throw .truncatedPrefix(byteCount: data.count) }
        let declared = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        let available = data.count - 8
        guard declared <= UInt64(min(available, Self.maximumHeaderSize)) else {
            throw .headerTooLarge(declared: declared, available: available)
        }
        let headerEnd = data.startIndex + 8 + Int(declared)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data[(data.startIndex + 8)..<headerEnd])
        } catch {
            throw .invalidHeader(reason: "not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw .invalidHeader(reason: "expected a JSON object") }
        let dataSize = data.count - 8 - Int(declared)
        var metadata: [String: String] = [:]
        var entries: [(name: String, shape: [Int], begin: Int)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let strings = value as? [String: String] else {
                    throw .invalidHeader(reason: "expected __metadata__ to map strings to strings")
                }
                metadata = strings
                continue
            }
            let (shape, begin) = try Self.validatedEntry(name: name, value: value, dataSize: dataSize)
            entries.append((name, shape, begin))
        }
        entries.sort { ($0.begin, $0.name) < ($1.begin, $1.name) }
        var used = 0
        for entry in entries {
            guard entry.begin == used else { throw .dataRangesNotContiguous(tensor: entry.name, begin: entry.begin, expected: used) }
            used += Tensor.elementCount(of: entry.shape) * 4
        }
        guard used == dataSize else { throw .unusedData(used: used, dataSize: dataSize) }
        let base = headerEnd
        let tensors = entries.map { entry in
            let count = Tensor.elementCount(of: entry.shape)
            var scalars = [Float](repeating: 0, count: count)
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let start = base - data.startIndex + entry.begin
                for index in 0..<count {
                    let bits = raw.loadUnaligned(fromByteOffset: start + 4 * index, as: UInt32.self)
                    scalars[index] = Float(bitPattern: UInt32(littleEndian: bits))
                }
            }
            return (name: entry.name, tensor: Tensor(shape: entry.shape, scalars: scalars))
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    /// Validates one header entry and returns its shape and data offset.
    private static func validatedEntry(name: String, value: Any, dataSize: Int) throws(SafeTensorsError) -> (shape: [Int], begin: Int) {
        guard let entry = value as? [String: Any] else { throw .invalidHeader(reason: "entry '\(name)' is not an object") }
        guard let dtype = entry["dtype"] as? String else { throw .invalidHeader(reason: "entry '\(name)' has no dtype") }
        guard dtype == "F32" else { throw .unsupportedDType(tensor: name, dtype: dtype) }
        guard let shapeValues = entry["shape"] as? [Any], let offsetValues = entry["data_offsets"] as? [Any], offsetValues.count == 2 else {
            throw .invalidHeader(reason: "entry '\(name)' needs a shape array and two data_offsets")
        }
        let shape = try shapeValues.map { (item: Any) throws(SafeTensorsError) -> Int in
            guard let number = item as? NSNumber, let extent = Int(exactly: number.doubleValue), extent >= 0 else {
                throw .invalidHeader(reason: "entry '\(name)' has a shape entry that is not a non-negative integer")
            }
            return extent
        }
        let offsets = try offsetValues.map { (item: Any) throws(SafeTensorsError) -> Int in
            guard let number = item as? NSNumber, let offset = Int(exactly: number.doubleValue), offset >= 0 else {
                throw .invalidHeader(reason: "entry '\(name)' has a data offset that is not a non-negative integer")
            }
            return offset
        }
        guard offsets[0] <= offsets[1], offsets[1] <= dataSize else {
            throw .dataOutOfBounds(tensor: name, begin: offsets[0], end: offsets[1], dataSize: dataSize)
        }
        var byteCount = 4
        for extent in shape {
            let (product, overflow) = byteCount.multipliedReportingOverflow(by: extent)
            guard !overflow else {
                throw .byteCountMismatch(tensor: name, shape: shape, expected: Int.max, found: offsets[1] - offsets[0])
            }
            byteCount = product
        }
        guard byteCount == offsets[1] - offsets[0] else {
            throw .byteCountMismatch(tensor: name, shape: shape, expected: byteCount, found: offsets[1] - offsets[0])
        }
        return (shape, offsets[0])
    }
}
