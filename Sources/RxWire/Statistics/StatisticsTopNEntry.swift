/// `rx.v1.StatisticsTopNEntry`: one ranked ingredient or product.
public struct StatisticsTopNEntry: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.StatisticsTopNEntry", fields: [
        FieldSchema("rank", 1, .uint32),
        FieldSchema("ingredient", 2, .string),
        FieldSchema("prescriptions", 3, .uint64),
        FieldSchema("quantity_dispensed", 4, .uint64),
        FieldSchema("value_charged_vnd", 5, .int64),
        FieldSchema("suppressed", 6, .bool),
        FieldSchema("registration_number", 7, .string),
        FieldSchema("product_name", 8, .string),
    ])

    public var rank: UInt32 = 0
    public var ingredient = ""
    public var prescriptions: UInt64 = 0
    public var quantityDispensed: UInt64 = 0
    public var valueChargedVND: Int64 = 0
    public var suppressed = false
    /// The ranked product's registration number (product rankings only).
    public var registrationNumber = ""
    /// The catalog's brand name of the ranked product, empty when the catalog does not know it.
    public var productName = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoUInt32.self, self.rank, field: 1)
        visitor.visitSingular(ProtoString.self, self.ingredient, field: 2)
        visitor.visitSingular(ProtoUInt64.self, self.prescriptions, field: 3)
        visitor.visitSingular(ProtoUInt64.self, self.quantityDispensed, field: 4)
        visitor.visitSingular(ProtoInt64.self, self.valueChargedVND, field: 5)
        visitor.visitSingular(ProtoBool.self, self.suppressed, field: 6)
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 7)
        visitor.visitSingular(ProtoString.self, self.productName, field: 8)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.rank = try reader.read(ProtoUInt32.self, tag: tag)
            case 2: self.ingredient = try reader.read(ProtoString.self, tag: tag)
            case 3: self.prescriptions = try reader.read(ProtoUInt64.self, tag: tag)
            case 4: self.quantityDispensed = try reader.read(ProtoUInt64.self, tag: tag)
            case 5: self.valueChargedVND = try reader.read(ProtoInt64.self, tag: tag)
            case 6: self.suppressed = try reader.read(ProtoBool.self, tag: tag)
            case 7: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 8: self.productName = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
