/// `rx.v1.QuotedLine`: one line at its declared price beside the cheapest equivalent.
public struct QuotedLine: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.QuotedLine", fields: [
        FieldSchema("registration_number", 1, .string),
        FieldSchema("brand_name", 2, .string),
        FieldSchema("quantity", 3, .uint32),
        FieldSchema("unit_price_vnd", 4, .int64),
        FieldSchema("line_total_vnd", 5, .int64),
        FieldSchema("cheapest_registration_number", 6, .string),
        FieldSchema("cheapest_brand_name", 7, .string),
        FieldSchema("cheapest_unit_price_vnd", 8, .int64),
        FieldSchema("cheapest_line_total_vnd", 9, .int64),
    ])

    public var registrationNumber = ""
    public var brandName = ""
    public var quantity: UInt32 = 0
    public var unitPriceVND: Int64 = 0
    public var lineTotalVND: Int64 = 0
    /// The product itself when none is cheaper.
    public var cheapestRegistrationNumber = ""
    public var cheapestBrandName = ""
    public var cheapestUnitPriceVND: Int64 = 0
    public var cheapestLineTotalVND: Int64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 1)
        visitor.visitSingular(ProtoString.self, self.brandName, field: 2)
        visitor.visitSingular(ProtoUInt32.self, self.quantity, field: 3)
        visitor.visitSingular(ProtoInt64.self, self.unitPriceVND, field: 4)
        visitor.visitSingular(ProtoInt64.self, self.lineTotalVND, field: 5)
        visitor.visitSingular(ProtoString.self, self.cheapestRegistrationNumber, field: 6)
        visitor.visitSingular(ProtoString.self, self.cheapestBrandName, field: 7)
        visitor.visitSingular(ProtoInt64.self, self.cheapestUnitPriceVND, field: 8)
        visitor.visitSingular(ProtoInt64.self, self.cheapestLineTotalVND, field: 9)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 2: self.brandName = try reader.read(ProtoString.self, tag: tag)
            case 3: self.quantity = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.unitPriceVND = try reader.read(ProtoInt64.self, tag: tag)
            case 5: self.lineTotalVND = try reader.read(ProtoInt64.self, tag: tag)
            case 6: self.cheapestRegistrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 7: self.cheapestBrandName = try reader.read(ProtoString.self, tag: tag)
            case 8: self.cheapestUnitPriceVND = try reader.read(ProtoInt64.self, tag: tag)
            case 9: self.cheapestLineTotalVND = try reader.read(ProtoInt64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
