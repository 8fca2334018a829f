/// `rx.v1.WireSample`: one field of every protobuf type, for conformance tests and
/// the echo service.
public struct WireSample: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.WireSample", fields: [
        FieldSchema("int32_value", 1, .int32),
        FieldSchema("int64_value", 2, .int64),
        FieldSchema("uint32_value", 3, .uint32),
        FieldSchema("uint64_value", 4, .uint64),
        FieldSchema("sint32_value", 5, .sint32),
        FieldSchema("sint64_value", 6, .sint64),
        FieldSchema("fixed32_value", 7, .fixed32),
        FieldSchema("fixed64_value", 8, .fixed64),
        FieldSchema("sfixed32_value", 9, .sfixed32),
        FieldSchema("sfixed64_value", 10, .sfixed64),
        FieldSchema("float_value", 11, .float),
        FieldSchema("double_value", 12, .double),
        FieldSchema("bool_value", 13, .bool),
        FieldSchema("string_value", 14, .string),
        FieldSchema("bytes_value", 15, .bytes),
        FieldSchema("kind", 16, .enumeration(SampleKind.schema.name)),
        FieldSchema("nested", 17, .message(Nested.schema.name)),
        FieldSchema("packed_int32", 18, .int32, .packed),
        FieldSchema("packed_sint64", 19, .sint64, .packed),
        FieldSchema("packed_double", 20, .double, .packed),
        FieldSchema("tags", 21, .string, .repeated),
        FieldSchema("children", 22, .message(Nested.schema.name), .repeated),
        FieldSchema("counters", 23, .map(key: .string, value: .int64), .repeated),
        FieldSchema("nested_by_id", 24, .map(key: .int32, value: .message(Nested.schema.name)), .repeated),
        FieldSchema("choice_text", 25, .string, oneof: "choice"),
        FieldSchema("choice_number", 26, .int64, oneof: "choice"),
        FieldSchema("choice_nested", 27, .message(Nested.schema.name), oneof: "choice"),
        FieldSchema("optional_int32", 28, .int32, .optional),
        FieldSchema("kinds", 29, .enumeration(SampleKind.schema.name), .packed),
        FieldSchema("unpacked_uint32", 30, .uint32, .repeated),
        FieldSchema("packed_fixed32", 31, .fixed32, .packed),
        FieldSchema("blobs", 32, .bytes, .repeated),
        FieldSchema("optional_string", 33, .string, .optional),
        FieldSchema("max_field_number", FieldTag.maxFieldNumber, .fixed64),
    ])

    public var int32Value: Int32 = 0
    public var int64Value: Int64 = 0
    public var uint32Value: UInt32 = 0
    public var uint64Value: UInt64 = 0
    public var sint32Value: Int32 = 0
    public var sint64Value: Int64 = 0
    public var fixed32Value: UInt32 = 0
    public var fixed64Value: UInt64 = 0
    public var sfixed32Value: Int32 = 0
    public var sfixed64Value: Int64 = 0
    public var floatValue: Float = 0
    public var doubleValue: Double = 0
    public var boolValue = false
    public var stringValue = ""
    public var bytesValue: [UInt8] = []
    public var kind = SampleKind.unspecified
    public var nested: Nested?
    public var packedInt32: [Int32] = []
    public var packedSint64: [Int64] = []
    public var packedDouble: [Double] = []
    public var tags: [String] = []
    public var children: [Nested] = []
    /// Encoded in byte order of the keys' UTF-8.
    public var counters: [String: Int64] = [:]
    public var nestedByID: [Int32: Nested] = [:]
    /// The `choice` oneof: at most one of its members is set.
    public var choice: Choice?
    /// proto3 `optional`: nil is absent; 0 is present and encoded.
    public var optionalInt32: Int32?
    public var kinds: [SampleKind] = []
    /// Declared `[packed = false]`: one tag per element.
    public var unpackedUint32: [UInt32] = []
    public var packedFixed32: [UInt32] = []
    public var blobs: [[UInt8]] = []
    public var optionalString: String?
    /// Field 536870911, the largest legal number.
    public var maxFieldNumber: UInt64 = 0
    public var unknownFields = UnknownFields()

    public init() {}
}
