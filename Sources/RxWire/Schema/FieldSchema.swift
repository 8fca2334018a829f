/// One field of a message as declared in its `.proto` file.
public struct FieldSchema: Sendable, Equatable, CustomStringConvertible {
    /// How many values the field holds and how presence works.
    public enum Cardinality: Sendable, Equatable {
        /// proto3 field without presence: the default value is not written.
        case singular
        /// proto3 `optional`: explicit presence, written whenever set.
        case optional
        /// Repeated, one tag per element (strings, bytes, messages, maps, `[packed = false]`).
        case repeated
        /// Repeated numeric scalar written as one packed run (proto3's default).
        case packed
    }

    /// Proto field name, snake_case, e.g. "full_name".
    public let name: String
    public let number: Int
    public let type: FieldType
    public let cardinality: Cardinality
    /// Name of the (real, not synthetic) oneof the field belongs to.
    public let oneof: String?

    public init(_ name: String, _ number: Int, _ type: FieldType, _ cardinality: Cardinality = .singular, oneof: String? = nil) {
        self.name = name
        self.number = number
        self.type = type
        self.cardinality = cardinality
        self.oneof = oneof
    }

    /// Reads like the `.proto` declaration, e.g. `repeated sint64 deltas = 3 [packed]`.
    public var description: String {
        let label: String
        switch self.cardinality {
        case .singular: label = ""
        case .optional: label = "optional "
        case .repeated: label = "repeated "
        case .packed: label = "repeated "
        }
        let packed = self.cardinality == .packed ? " [packed]" : ""
        let oneof = self.oneof.map { " (oneof \($0))" } ?? ""
        return "\(label)\(self.type) \(self.name) = \(self.number)\(packed)\(oneof)"
    }
}
