/// Typed reading of reset and make options, with errors that name the option.
extension Dictionary where Key == String, Value == JSONValue {
    /// The number under `name`, `nil` when absent.
    ///
    /// - Throws: `EnvironmentError.invalidOption` when present but not a number.
    public func number(_ name: String) throws(EnvironmentError) -> Double? {
        guard let value = self[name], value != .null else { return nil }
        guard let number = value.doubleValue else {
            throw .invalidOption(name: name, message: "expected a number, got \(value.jsonText)")
        }
        return number
    }

    /// The integer under `name`, `nil` when absent.
    public func integer(_ name: String) throws(EnvironmentError) -> Int? {
        guard let value = self[name], value != .null else { return nil }
        guard let integer = value.intValue else {
            throw .invalidOption(name: name, message: "expected an integer, got \(value.jsonText)")
        }
        return integer
    }

    /// The Boolean under `name`, `nil` when absent.
    public func boolean(_ name: String) throws(EnvironmentError) -> Bool? {
        guard let value = self[name], value != .null else { return nil }
        guard let flag = value.boolValue else {
            throw .invalidOption(name: name, message: "expected true or false, got \(value.jsonText)")
        }
        return flag
    }

    /// The string under `name`, `nil` when absent.
    public func string(_ name: String) throws(EnvironmentError) -> String? {
        guard let value = self[name], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw .invalidOption(name: name, message: "expected a string, got \(value.jsonText)")
        }
        return text
    }

    /// The array of numbers under `name`, `nil` when absent.
    ///
    /// - Parameter count: the required length, if any.
    public func numbers(_ name: String, count: Int? = nil) throws(EnvironmentError) -> [Double]? {
        guard let value = self[name], value != .null else { return nil }
        guard let items = value.arrayValue else {
            throw .invalidOption(name: name, message: "expected an array of numbers, got \(value.jsonText)")
        }
        if let count, items.count != count {
            throw .invalidOption(name: name, message: "expected \(count) numbers, got \(items.count)")
        }
        var numbers: [Double] = []
        for item in items {
            guard let number = item.doubleValue else {
                throw .invalidOption(name: name, message: "expected an array of numbers, got \(value.jsonText)")
            }
            numbers.append(number)
        }
        return numbers
    }

    /// Throws when any key is not in `known`, so a misspelt option is not silently ignored.
    ///
    /// `known` is only built when there are options to check, so the common reset without
    /// options stays free of heap allocation.
    public func rejectUnknown(_ known: @autoclosure () -> Set<String>) throws(EnvironmentError) {
        guard !isEmpty else { return }
        let known = known()
        for key in keys.sorted() where !known.contains(key) {
            throw .invalidOption(name: key, message: "unknown option; expected one of \(known.sorted().joined(separator: ", "))")
        }
    }
}
