/// The low three bits of a field tag: how the field's value is laid out on the wire.
///
/// Only the four wire types proto3 uses exist here; groups (3 and 4) and the
/// unassigned values 6 and 7 are rejected while reading the tag, so a decoder
/// never has to handle them.
public enum WireType: UInt8, Sendable, CustomStringConvertible {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5

    public var description: String {
        switch self {
        case .varint: "varint"
        case .fixed64: "fixed64"
        case .lengthDelimited: "length-delimited"
        case .fixed32: "fixed32"
        }
    }
}
