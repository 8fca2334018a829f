// Fixed-width field types: fixed32, fixed64, sfixed32, sfixed64, float, double
// (little-endian). Floats count as default only when all bits are zero, so -0.0
// is written, matching protoc.

/// `fixed32`.
public enum ProtoFixed32: ProtoMapKeyCodec {
    public static var wireType: WireType { .fixed32 }
    public static var defaultValue: UInt32 { 0 }
    public static func isDefault(_ value: UInt32) -> Bool { value == 0 }
    public static func encodedSize(of value: UInt32) -> Int { 4 }
    public static func write(_ value: UInt32, to writer: inout ProtoWriter) { writer.writeFixed32(value) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> UInt32 { try reader.readFixed32() }
}

/// `fixed64`.
public enum ProtoFixed64: ProtoMapKeyCodec {
    public static var wireType: WireType { .fixed64 }
    public static var defaultValue: UInt64 { 0 }
    public static func isDefault(_ value: UInt64) -> Bool { value == 0 }
    public static func encodedSize(of value: UInt64) -> Int { 8 }
    public static func write(_ value: UInt64, to writer: inout ProtoWriter) { writer.writeFixed64(value) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> UInt64 { try reader.readFixed64() }
}

/// `sfixed32`.
public enum ProtoSFixed32: ProtoMapKeyCodec {
    public static var wireType: WireType { .fixed32 }
    public static var defaultValue: Int32 { 0 }
    public static func isDefault(_ value: Int32) -> Bool { value == 0 }
    public static func encodedSize(of value: Int32) -> Int { 4 }
    public static func write(_ value: Int32, to writer: inout ProtoWriter) {
        writer.writeFixed32(UInt32(bitPattern: value))
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Int32 {
        Int32(bitPattern: try reader.readFixed32())
    }
}

/// `sfixed64`.
public enum ProtoSFixed64: ProtoMapKeyCodec {
    public static var wireType: WireType { .fixed64 }
    public static var defaultValue: Int64 { 0 }
    public static func isDefault(_ value: Int64) -> Bool { value == 0 }
    public static func encodedSize(of value: Int64) -> Int { 8 }
    public static func write(_ value: Int64, to writer: inout ProtoWriter) {
        writer.writeFixed64(UInt64(bitPattern: value))
    }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Int64 {
        Int64(bitPattern: try reader.readFixed64())
    }
}

/// `float`: IEEE 754 binary32.
public enum ProtoFloat: ProtoFieldCodec {
    public static var wireType: WireType { .fixed32 }
    public static var defaultValue: Float { 0 }
    public static func isDefault(_ value: Float) -> Bool { value.bitPattern == 0 }
    public static func encodedSize(of value: Float) -> Int { 4 }
    public static func write(_ value: Float, to writer: inout ProtoWriter) { writer.writeFixed32(value.bitPattern) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Float {
        Float(bitPattern: try reader.readFixed32())
    }
}

/// `double`: IEEE 754 binary64.
public enum ProtoDouble: ProtoFieldCodec {
    public static var wireType: WireType { .fixed64 }
    public static var defaultValue: Double { 0 }
    public static func isDefault(_ value: Double) -> Bool { value.bitPattern == 0 }
    public static func encodedSize(of value: Double) -> Int { 8 }
    public static func write(_ value: Double, to writer: inout ProtoWriter) { writer.writeFixed64(value.bitPattern) }
    public static func read(from reader: inout ProtoReader) throws(WireError) -> Double {
        Double(bitPattern: try reader.readFixed64())
    }
}
