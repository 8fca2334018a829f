/// `rx.v1.DispenseRecord`: a dispense as recorded.
public struct DispenseRecord: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.DispenseRecord", fields: [
        FieldSchema("dispense_id", 1, .string),
        FieldSchema("pharmacy_facility_code", 2, .string),
        FieldSchema("dispensed_at_unix_seconds", 3, .int64),
        FieldSchema("lines", 4, .message(DispensedLine.schema.name), .repeated),
        FieldSchema("invoice_number", 5, .string),
    ])

    public var dispenseID = ""
    public var pharmacyFacilityCode = ""
    public var dispensedAtUnixSeconds: Int64 = 0
    public var lines: [DispensedLine] = []
    public var invoiceNumber = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.dispenseID, field: 1)
        visitor.visitSingular(ProtoString.self, self.pharmacyFacilityCode, field: 2)
        visitor.visitSingular(ProtoInt64.self, self.dispensedAtUnixSeconds, field: 3)
        visitor.visitMessages(self.lines, field: 4)
        visitor.visitSingular(ProtoString.self, self.invoiceNumber, field: 5)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.dispenseID = try reader.read(ProtoString.self, tag: tag)
            case 2: self.pharmacyFacilityCode = try reader.read(ProtoString.self, tag: tag)
            case 3: self.dispensedAtUnixSeconds = try reader.read(ProtoInt64.self, tag: tag)
            case 4: try reader.readRepeated(ProtoMessageCodec<DispensedLine>.self, tag: tag, into: &self.lines)
            case 5: self.invoiceNumber = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
