/// `rx.v1.StatisticsRates`: dispensing, substitution and interaction rates.
public struct StatisticsRates: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.StatisticsRates", fields: [
        FieldSchema("prescriptions", 1, .uint64),
        FieldSchema("dispensed", 2, .uint64),
        FieldSchema("dispensing_rate", 3, .double),
        FieldSchema("median_seconds_to_first_dispense", 4, .int64),
        FieldSchema("generic_substitution_rate", 5, .double),
        FieldSchema("interaction_alert_share", 6, .double),
        FieldSchema("override_share", 7, .double),
        FieldSchema("suppressed", 8, .bool),
    ])

    public var prescriptions: UInt64 = 0
    /// Prescriptions with at least one dispense.
    public var dispensed: UInt64 = 0
    public var dispensingRate: Double = 0
    public var medianSecondsToFirstDispense: Int64 = 0
    /// Share of dispensed prescriptions where another product was handed out.
    public var genericSubstitutionRate: Double = 0
    public var interactionAlertShare: Double = 0
    public var overrideShare: Double = 0
    public var suppressed = false
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoUInt64.self, self.prescriptions, field: 1)
        visitor.visitSingular(ProtoUInt64.self, self.dispensed, field: 2)
        visitor.visitSingular(ProtoDouble.self, self.dispensingRate, field: 3)
        visitor.visitSingular(ProtoInt64.self, self.medianSecondsToFirstDispense, field: 4)
        visitor.visitSingular(ProtoDouble.self, self.genericSubstitutionRate, field: 5)
        visitor.visitSingular(ProtoDouble.self, self.interactionAlertShare, field: 6)
        visitor.visitSingular(ProtoDouble.self, self.overrideShare, field: 7)
        visitor.visitSingular(ProtoBool.self, self.suppressed, field: 8)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.prescriptions = try reader.read(ProtoUInt64.self, tag: tag)
            case 2: self.dispensed = try reader.read(ProtoUInt64.self, tag: tag)
            case 3: self.dispensingRate = try reader.read(ProtoDouble.self, tag: tag)
            case 4: self.medianSecondsToFirstDispense = try reader.read(ProtoInt64.self, tag: tag)
            case 5: self.genericSubstitutionRate = try reader.read(ProtoDouble.self, tag: tag)
            case 6: self.interactionAlertShare = try reader.read(ProtoDouble.self, tag: tag)
            case 7: self.overrideShare = try reader.read(ProtoDouble.self, tag: tag)
            case 8: self.suppressed = try reader.read(ProtoBool.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
