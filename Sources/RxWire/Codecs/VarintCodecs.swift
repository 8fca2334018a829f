// Varint-encoded field types: int32, int64, uint32, uint64, sint32, sint64, bool.
// int32 decoding keeps the low 32 bits of the 64-bit varint, as protobuf specifies.

/// `int32`: sign-extended varint (negative values take 10 bytes).
public enum ProtoInt32: ProtoMapKeyCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int32 { 0 }
    public static func isDefault(_ value: Int32) -> Bool { value == 0 }
    public static func encodedSize(of value: Int32) -> Int { Varint.size(Varint.signExtended(value)) }
    public static func write(_ value: Int32, to writer: inout ProtoWriter) {
        writer.writeVarint(Varint.signExtended(value))
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Int32 {
        Int32(truncatingIfNeeded: try reader.readVarint())
    }
}

/// `int64`: two's-complement varint.
public enum ProtoInt64: ProtoMapKeyCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int64 { 0 }
    public static func isDefault(_ value: Int64) -> Bool { value == 0 }
    public static func encodedSize(of value: Int64) -> Int { Varint.size(UInt64(bitPattern: value)) }
    public static func write(_ value: Int64, to writer: inout ProtoWriter) {
        writer.writeVarint(UInt64(bitPattern: value))
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Int64 {
        Int64(bitPattern: try reader.readVarint())
    }
}

/// `uint32`.
public enum ProtoUInt32: ProtoMapKeyCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: UInt32 { 0 }
    public static func isDefault(_ value: UInt32) -> Bool { value == 0 }
    public static func encodedSize(of value: UInt32) -> Int { Varint.size(UInt64(value)) }
    public static func write(_ value: UInt32, to writer: inout ProtoWriter) { writer.writeVarint(UInt64(value)) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> UInt32 {
        UInt32(truncatingIfNeeded: try reader.readVarint())
    }
}

/// `uint64`.
public enum ProtoUInt64: ProtoMapKeyCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: UInt64 { 0 }
    public static func isDefault(_ value: UInt64) -> Bool { value == 0 }
    public static func encodedSize(of value: UInt64) -> Int { Varint.size(value) }
    public static func write(_ value: UInt64, to writer: inout ProtoWriter) { writer.writeVarint(value) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> UInt64 { try reader.readVarint() }
}

/// `sint32`: zigzag varint, so small negative numbers stay short.
public enum ProtoSInt32: ProtoMapKeyCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int32 { 0 }
    public static func isDefault(_ value: Int32) -> Bool { value == 0 }
    public static func encodedSize(of value: Int32) -> Int { Varint.size(UInt64(Varint.zigZag(value))) }
    public static func write(_ value: Int32, to writer: inout ProtoWriter) {
        writer.writeVarint(UInt64(Varint.zigZag(value)))
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Int32 {
        Varint.unZigZag(UInt32(truncatingIfNeeded: try reader.readVarint()))
    }
}

/// `sint64`: zigzag varint.
public enum ProtoSInt64: ProtoMapKeyCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Int64 { 0 }
    public static func isDefault(_ value: Int64) -> Bool { value == 0 }
    public static func encodedSize(of value: Int64) -> Int { Varint.size(Varint.zigZag(value)) }
    public static func write(_ value: Int64, to writer: inout ProtoWriter) { writer.writeVarint(Varint.zigZag(value)) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Int64 {
        Varint.unZigZag(try reader.readVarint())
    }
}

/// `bool`: varint 0 or 1; any non-zero varint decodes as true.
public enum ProtoBool: ProtoMapKeyCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Bool { false }
    public static func isDefault(_ value: Bool) -> Bool { !value }
    public static func encodedSize(of value: Bool) -> Int { 1 }
    public static func write(_ value: Bool, to writer: inout ProtoWriter) { writer.writeVarint(value ? 1 : 0) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Bool { try reader.readVarint() != 0 }
    public static func precedes(_ lhs: Bool, _ rhs: Bool) -> Bool { !lhs && rhs }
}

/// An enum field: int32 varint. Unknown numbers are kept, as proto3 requires.
public enum ProtoEnumCodec<Enum: ProtoEnum>: ProtoFieldCodec {
    public static var wireType: WireType { .varint }
    public static var defaultValue: Enum { Enum(rawValue: 0) }
    public static func isDefault(_ value: Enum) -> Bool { value.rawValue == 0 }
    public static func encodedSize(of value: Enum) -> Int { Varint.size(Varint.signExtended(value.rawValue)) }
    public static func write(_ value: Enum, to writer: inout ProtoWriter) {
        writer.writeVarint(Varint.signExtended(value.rawValue))
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Enum {
        Enum(rawValue: Int32(truncatingIfNeeded: try reader.readVarint()))
    }
}
