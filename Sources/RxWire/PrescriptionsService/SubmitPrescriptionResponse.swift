/// `rx.v1.SubmitPrescriptionResponse`: the assigned code, validity and screening alerts
/// (also the answer to `Replace`).
public struct SubmitPrescriptionResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.SubmitPrescriptionResponse", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("valid_until_unix_seconds", 2, .int64),
        FieldSchema("alerts", 3, .message(PrescriptionAlert.schema.name), .repeated),
        FieldSchema("status", 4, .enumeration(PrescriptionStatus.schema.name)),
    ])

    /// The prescription code, e.g. "79088k3f9a2q-C".
    public var code = ""
    /// End of the validity window (exclusive), Unix seconds.
    public var validUntilUnixSeconds: Int64 = 0
    public var alerts: [PrescriptionAlert] = []
    public var status = PrescriptionStatus.unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.validUntilUnixSeconds, field: 2)
        visitor.visitMessages(self.alerts, field: 3)
        visitor.visitSingular(ProtoEnumCodec<PrescriptionStatus>.self, self.status, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.validUntilUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 3: try reader.readRepeated(ProtoMessageCodec<PrescriptionAlert>.self, tag: tag, into: &self.alerts)
            case 4: self.status = try reader.read(ProtoEnumCodec<PrescriptionStatus>.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
