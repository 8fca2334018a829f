/// A decoded field key: field number plus wire type.
public struct FieldTag: Sendable, Equatable {
    /// The largest field number protobuf allows (2^29 - 1).
    public static let maxFieldNumber = 536_870_911

    public let fieldNumber: Int
    public let wireType: WireType

    public init(fieldNumber: Int, wireType: WireType) {
        self.fieldNumber = fieldNumber
        self.wireType = wireType
    }

    /// The varint value written for this tag.
    var rawValue: UInt64 { UInt64(self.fieldNumber) << 3 | UInt64(self.wireType.rawValue) }
}
