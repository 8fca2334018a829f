/// `rx.v1.ControlledSubstanceAlertsRequest`: the monitoring window and thresholds.
public struct ControlledSubstanceAlertsRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.ControlledSubstanceAlertsRequest", fields: [
        FieldSchema("from_unix_seconds", 1, .int64),
        FieldSchema("to_unix_seconds", 2, .int64),
        FieldSchema("min_prescribers", 3, .uint32),
        FieldSchema("min_pharmacies", 4, .uint32),
    ])

    /// Start of the window; 0 means 90 days before to.
    public var fromUnixSeconds: Int64 = 0
    /// End of the window; 0 means now.
    public var toUnixSeconds: Int64 = 0
    /// Default 3.
    public var minPrescribers: UInt32 = 0
    /// Default 3.
    public var minPharmacies: UInt32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt64.self, self.fromUnixSeconds, field: 1)
        visitor.visitSingular(ProtoInt64.self, self.toUnixSeconds, field: 2)
        visitor.visitSingular(ProtoUInt32.self, self.minPrescribers, field: 3)
        visitor.visitSingular(ProtoUInt32.self, self.minPharmacies, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.fromUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 2: self.toUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 3: self.minPrescribers = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.minPharmacies = try reader.read(ProtoUInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
