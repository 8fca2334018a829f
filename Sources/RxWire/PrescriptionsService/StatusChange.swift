/// `rx.v1.StatusChange`: one entry of a prescription's status history.
public struct StatusChange: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.StatusChange", fields: [
        FieldSchema("status", 1, .enumeration(PrescriptionStatus.schema.name)),
        FieldSchema("changed_at_unix_seconds", 2, .int64),
        FieldSchema("facility_code", 3, .string),
        FieldSchema("reason", 4, .string),
    ])

    public var status = PrescriptionStatus.unspecified
    public var changedAtUnixSeconds: Int64 = 0
    /// The facility whose call made the change.
    public var facilityCode = ""
    /// Cancellation reason, or the code of the replacing prescription.
    public var reason = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoEnumCodec<PrescriptionStatus>.self, self.status, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.changedAtUnixSeconds, field: 2)
        visitor.visitSingular(ProtoString.self, self.facilityCode, field: 3)
        visitor.visitSingular(ProtoString.self, self.reason, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.status = try reader.read(ProtoEnumCodec<PrescriptionStatus>.self, tag: tag)
            case 2: self.changedAtUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 3: self.facilityCode = try reader.read(ProtoString.self, tag: tag)
            case 4: self.reason = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
