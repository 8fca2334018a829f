// Length-delimited field types: string, bytes and embedded messages.

/// `string`: UTF-8, validated strictly when decoding.
public enum ProtoString: ProtoMapKeyCodec {
    public static var wireType: WireType { .lengthDelimited }
    public static var defaultValue: String { "" }
    public static func isDefault(_ value: String) -> Bool { value.isEmpty }
    public static func encodedSize(of value: String) -> Int {
        let count = value.utf8.count
        return Varint.size(UInt64(count)) + count
    }
    public static func write(_ value: String, to writer: inout ProtoWriter) {
        writer.writeLengthDelimited(value)
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> String {
        try reader.withLengthDelimited { (bytes, start) throws(WireError) -> String in
            guard UTF8Validation.isValid(bytes) else { throw WireError(.invalidUTF8, at: start) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
    /// Byte order of the UTF-8 encoding, as protoc uses, rather than Swift's
    /// Unicode-aware `<`.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

/// `bytes`: opaque octets, copied out of the input into an array.
public enum ProtoBytes: ProtoFieldCodec {
    public static var wireType: WireType { .lengthDelimited }
    public static var defaultValue: [UInt8] { [] }
    public static func isDefault(_ value: [UInt8]) -> Bool { value.isEmpty }
    public static func encodedSize(of value: [UInt8]) -> Int { Varint.size(UInt64(value.count)) + value.count }
    public static func write(_ value: [UInt8], to writer: inout ProtoWriter) {
        writer.writeVarint(UInt64(value.count))
        writer.writeRawBytes(value)
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> [UInt8] {
        try reader.withLengthDelimited { (bytes, _) throws(WireError) -> [UInt8] in [UInt8](bytes) }
    }
}

/// An embedded message, as an element of a repeated field or a map value.
///
/// Singular message fields use Swift optionals instead (proto3 message fields have
/// presence), through `ProtoFieldVisitor.visitMessage(_:field:)`.
public enum ProtoMessageCodec<Message: ProtoMessage>: ProtoFieldCodec {
    public static var wireType: WireType { .lengthDelimited }
    public static var defaultValue: Message { Message() }
    public static func isDefault(_ value: Message) -> Bool { false }
    public static func encodedSize(of value: Message) -> Int {
        let size = value.encodedSize()
        return Varint.size(UInt64(size)) + size
    }
    public static func write(_ value: Message, to writer: inout ProtoWriter) {
        writer.writeVarint(UInt64(value.encodedSize()))
        value.encode(to: &writer)
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Message {
        var message = Message()
        try reader.readNestedMessage(into: &message)
        return message
    }
}
