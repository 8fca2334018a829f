/// The declared protobuf type of a field, as written in a `.proto` file.
public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case double, float, int64, uint64, int32, fixed64, fixed32, bool, string, bytes
    case uint32, sfixed32, sfixed64, sint32, sint64
    /// An enum, by fully qualified name, e.g. "rx.v1.SampleKind".
    case enumeration(String)
    /// A message, by fully qualified name, e.g. "rx.v1.WireSample.Nested".
    case message(String)
    /// `map<key, value>`; the key is an integer, bool or string type.
    case map(key: FieldType, value: FieldType)

    public var description: String {
        switch self {
        case .double: "double"
        case .float: "float"
        case .int64: "int64"
        case .uint64: "uint64"
        case .int32: "int32"
        case .fixed64: "fixed64"
        case .fixed32: "fixed32"
        case .bool: "bool"
        case .string: "string"
        case .bytes: "bytes"
        case .uint32: "uint32"
        case .sfixed32: "sfixed32"
        case .sfixed64: "sfixed64"
        case .sint32: "sint32"
        case .sint64: "sint64"
        case .enumeration(let name): name
        case .message(let name): name
        case .map(let key, let value): "map<\(key), \(value)>"
        }
    }

    /// The wire type of one value of this type (map entries are length-delimited).
    public var wireType: WireType {
        switch self {
        case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .bool, .enumeration: .varint
        case .fixed64, .sfixed64, .double: .fixed64
        case .fixed32, .sfixed32, .float: .fixed32
        case .string, .bytes, .message, .map: .lengthDelimited
        }
    }
}
