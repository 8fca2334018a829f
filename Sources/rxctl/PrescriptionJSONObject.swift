import Foundation

/// One JSON object of a prescription file, read key by key.
///
/// Every accessor marks its key as used; `finish()` then refuses any key nobody asked for, so a
/// misspelt field (`quantiy`) is an error naming it instead of silently becoming zero.
final class PrescriptionJSONObject {
    let path: String
    private let values: [String: Any]
    private var used: Set<String> = []

    init(_ value: Any, path: String) throws(PrescriptionJSONError) {
        guard let values = value as? [String: Any] else {
            throw PrescriptionJSONError(path: path, problem: "expected an object")
        }
        self.values = values
        self.path = path
    }

    func location(_ key: String) -> String { self.path.isEmpty ? key : "\(self.path).\(key)" }

    /// The raw value under `key`, or nil when absent or JSON `null`.
    func value(_ key: String) -> Any? {
        self.used.insert(key)
        guard let value = self.values[key], !(value is NSNull) else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { self.values[key] != nil && !(self.values[key] is NSNull) }

    func string(_ key: String) throws(PrescriptionJSONError) -> String? {
        guard let value = self.value(key) else { return nil }
        guard let text = value as? String else {
            throw PrescriptionJSONError(path: self.location(key), problem: "expected a string")
        }
        return text
    }

    func bool(_ key: String) throws(PrescriptionJSONError) -> Bool? {
        guard let value = self.value(key) else { return nil }
        guard let number = value as? NSNumber, Self.isBoolean(number) else {
            throw PrescriptionJSONError(path: self.location(key), problem: "expected true or false")
        }
        return number.boolValue
    }

    /// An integer given as a JSON number or, as the proto3 JSON mapping allows for 64-bit values, a
    /// string of digits; it must lie in `range`.
    func integer(_ key: String, in range: ClosedRange<Int64>) throws(PrescriptionJSONError) -> Int64? {
        guard let value = self.value(key) else { return nil }
        let parsed: Int64?
        if let text = value as? String {
            parsed = Int64(text)
        } else if let number = value as? NSNumber, !Self.isBoolean(number) {
            let double = number.doubleValue
            parsed = double.rounded() == double && abs(double) < 9.0e15 ? Int64(double) : nil
        } else {
            parsed = nil
        }
        guard let parsed, range.contains(parsed) else {
            throw PrescriptionJSONError(
                path: self.location(key), problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return parsed
    }

    func uint32(_ key: String) throws(PrescriptionJSONError) -> UInt32? {
        try self.integer(key, in: 0...Int64(UInt32.max)).map { UInt32($0) }
    }

    func object(_ key: String) throws(PrescriptionJSONError) -> PrescriptionJSONObject? {
        guard let value = self.value(key) else { return nil }
        return try PrescriptionJSONObject(value, path: self.location(key))
    }

    /// The objects of the array under `key` (empty when absent), each with its own path.
    func objects(_ key: String) throws(PrescriptionJSONError) -> [PrescriptionJSONObject] {
        guard let value = self.value(key) else { return [] }
        guard let array = value as? [Any] else {
            throw PrescriptionJSONError(path: self.location(key), problem: "expected an array")
        }
        var objects: [PrescriptionJSONObject] = []
        for (index, element) in array.enumerated() {
            objects.append(try PrescriptionJSONObject(element, path: "\(self.location(key))[\(index)]"))
        }
        return objects
    }

    /// Refuses keys that no accessor asked for.
    func finish() throws(PrescriptionJSONError) {
        let unknown = Set(self.values.keys).subtracting(self.used).sorted()
        guard let first = unknown.first else { return }
        let others = unknown.dropFirst().joined(separator: ", ")
        throw PrescriptionJSONError(
            path: self.location(first), problem: "unknown key \"\(first)\"" + (others.isEmpty ? "" : " (also: \(others))"))
    }

    /// JSONSerialization gives booleans as NSNumber too; tell them apart from 0 and 1.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
