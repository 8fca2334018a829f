/// How one protobuf field type maps to a Swift value and to bytes.
///
/// Codecs are caseless enums used only as type parameters (`ProtoSInt64.self`), so the
/// reader, writer and sizer are specialised per field type at compile time and the
/// hand-written message code stays a flat list of field visits.
public protocol ProtoFieldCodec {
    associatedtype Value: Sendable, Equatable
    /// The wire type of one value of this type.
    static var wireType: WireType { get }
    /// Whether a repeated field of this type may use packed encoding (numeric scalars).
    static var isPackable: Bool { get }
    /// Encoded width for fixed-size types, used to size packed runs without a loop.
    static var fixedWidth: Int? { get }
    /// The proto3 default, which singular fields without presence omit on the wire.
    static var defaultValue: Value { get }
    static func isDefault(_ value: Value) -> Bool
    /// Bytes written for `value` after its tag (including any length prefix).
    static func encodedSize(of value: Value) -> Int
    static func write(_ value: Value, to writer: inout ProtoWriter)
    static func read(from reader: inout ProtoReader) throws(WireError) -> Value
}

extension ProtoFieldCodec {
    public static var isPackable: Bool { Self.wireType != .lengthDelimited }
    public static var fixedWidth: Int? {
        switch Self.wireType {
        case .fixed32: 4
        case .fixed64: 8
        case .varint, .lengthDelimited: nil
        }
    }
}

/// A field type allowed as a map key (integers, bool, string).
///
/// `precedes` gives the order map entries are written in, which makes encoding
/// deterministic: numeric order for integers, byte order of UTF-8 for strings.
public protocol ProtoMapKeyCodec: ProtoFieldCodec where Value: Hashable {
    static func precedes(_ lhs: Value, _ rhs: Value) -> Bool
}

extension ProtoMapKeyCodec where Value: Comparable {
    public static func precedes(_ lhs: Value, _ rhs: Value) -> Bool { lhs < rhs }
}
