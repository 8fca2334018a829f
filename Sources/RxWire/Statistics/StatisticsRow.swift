/// `rx.v1.StatisticsRow`: one group of a statistics answer. Suppressed rows (fewer than 5 distinct patients) carry keys only.
public struct StatisticsRow: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.StatisticsRow", fields: [
        FieldSchema("keys", 1, .string, .repeated),
        FieldSchema("suppressed", 2, .bool),
        FieldSchema("issued", 3, .uint64),
        FieldSchema("dispensed_fully", 4, .uint64),
        FieldSchema("dispensed_partly", 5, .uint64),
        FieldSchema("cancelled", 6, .uint64),
        FieldSchema("expired", 7, .uint64),
        FieldSchema("quantity_prescribed", 8, .uint64),
        FieldSchema("quantity_dispensed", 9, .uint64),
        FieldSchema("value_reference_vnd", 10, .int64),
        FieldSchema("value_charged_vnd", 11, .int64),
        FieldSchema("distinct_patients", 12, .uint64),
    ])

    /// One value per group_by dimension, in order.
    public var keys: [String] = []
    /// Fewer than 5 distinct patients: every figure is cleared, not zero.
    public var suppressed = false
    public var issued: UInt64 = 0
    public var dispensedFully: UInt64 = 0
    public var dispensedPartly: UInt64 = 0
    public var cancelled: UInt64 = 0
    public var expired: UInt64 = 0
    public var quantityPrescribed: UInt64 = 0
    public var quantityDispensed: UInt64 = 0
    public var valueReferenceVND: Int64 = 0
    public var valueChargedVND: Int64 = 0
    public var distinctPatients: UInt64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitRepeated(ProtoString.self, self.keys, field: 1, packed: false)
        visitor.visitSingular(ProtoBool.self, self.suppressed, field: 2)
        visitor.visitSingular(ProtoUInt64.self, self.issued, field: 3)
        visitor.visitSingular(ProtoUInt64.self, self.dispensedFully, field: 4)
        visitor.visitSingular(ProtoUInt64.self, self.dispensedPartly, field: 5)
        visitor.visitSingular(ProtoUInt64.self, self.cancelled, field: 6)
        visitor.visitSingular(ProtoUInt64.self, self.expired, field: 7)
        visitor.visitSingular(ProtoUInt64.self, self.quantityPrescribed, field: 8)
        visitor.visitSingular(ProtoUInt64.self, self.quantityDispensed, field: 9)
        visitor.visitSingular(ProtoInt64.self, self.valueReferenceVND, field: 10)
        visitor.visitSingular(ProtoInt64.self, self.valueChargedVND, field: 11)
        visitor.visitSingular(ProtoUInt64.self, self.distinctPatients, field: 12)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoString.self, tag: tag, into: &self.keys)
            case 2: self.suppressed = try reader.read(ProtoBool.self, tag: tag)
            case 3: self.issued = try reader.read(ProtoUInt64.self, tag: tag)
            case 4: self.dispensedFully = try reader.read(ProtoUInt64.self, tag: tag)
            case 5: self.dispensedPartly = try reader.read(ProtoUInt64.self, tag: tag)
            case 6: self.cancelled = try reader.read(ProtoUInt64.self, tag: tag)
            case 7: self.expired = try reader.read(ProtoUInt64.self, tag: tag)
            case 8: self.quantityPrescribed = try reader.read(ProtoUInt64.self, tag: tag)
            case 9: self.quantityDispensed = try reader.read(ProtoUInt64.self, tag: tag)
            case 10: self.valueReferenceVND = try reader.read(ProtoInt64.self, tag: tag)
            case 11: self.valueChargedVND = try reader.read(ProtoInt64.self, tag: tag)
            case 12: self.distinctPatients = try reader.read(ProtoUInt64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
