/// Builds protobuf bytes in tests with its own encoder, independent of `ProtoWriter`,
/// so tests do not check the runtime against itself.
struct WireBuilder {
    private(set) var bytes: [UInt8] = []

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
        return out
    }

    mutating func tag(_ field: Int, _ wireType: UInt8) {
        self.bytes += Self.varint(UInt64(field) << 3 | UInt64(wireType))
    }

    mutating func varint(_ field: Int, _ value: UInt64) {
        self.tag(field, 0)
        self.bytes += Self.varint(value)
    }

    mutating func fixed32(_ field: Int, _ value: UInt32) {
        self.tag(field, 5)
        self.bytes += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    mutating func fixed64(_ field: Int, _ value: UInt64) {
        self.tag(field, 1)
        self.bytes += (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    mutating func lengthDelimited(_ field: Int, _ payload: [UInt8]) {
        self.tag(field, 2)
        self.bytes += Self.varint(UInt64(payload.count)) + payload
    }

    mutating func appendRaw(_ payload: [UInt8]) {
        self.bytes += payload
    }

    mutating func string(_ field: Int, _ value: String) {
        self.lengthDelimited(field, Array(value.utf8))
    }
}
