/// A protobuf enum as an open set of `Int32` values.
///
/// proto3 enums are open: a value this program does not know must survive decoding
/// and re-encoding unchanged, so enums are structs over the raw number with static
/// constants for the named values, not Swift enums.
public protocol ProtoEnum: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == Int32 {
    init(rawValue: Int32)
    /// The values as declared in the `.proto` file.
    static var schema: EnumSchema { get }
}

extension ProtoEnum {
    /// The proto name of a known value (e.g. `SERVING`), or the number for an unknown one.
    public var description: String {
        Self.schema.values.first { $0.number == self.rawValue }?.name ?? String(self.rawValue)
    }

    /// Whether the value is one the schema names.
    public var isKnown: Bool {
        Self.schema.values.contains { $0.number == self.rawValue }
    }
}
