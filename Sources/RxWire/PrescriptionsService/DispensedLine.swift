/// `rx.v1.DispensedLine`: what a pharmacy handed out against one line.
public struct DispensedLine: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.DispensedLine", fields: [
        FieldSchema("line_number", 1, .uint32),
        FieldSchema("quantity", 2, .uint32),
        FieldSchema("registration_number", 3, .string),
        FieldSchema("unit_price_vnd", 4, .int64),
        FieldSchema("reference_unit_price_vnd", 5, .int64),
    ])

    public var lineNumber: UInt32 = 0
    public var quantity: UInt32 = 0
    /// The product actually handed out; empty means the prescribed product.
    public var registrationNumber = ""
    /// Unit price charged, VND.
    public var unitPriceVND: Int64 = 0
    /// Declared reference price on the day (VND), set by the server in records; ignored in
    /// requests. 0 when unknown.
    public var referenceUnitPriceVND: Int64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoUInt32.self, self.lineNumber, field: 1)
        visitor.visitSingular(ProtoUInt32.self, self.quantity, field: 2)
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 3)
        visitor.visitSingular(ProtoInt64.self, self.unitPriceVND, field: 4)
        visitor.visitSingular(ProtoInt64.self, self.referenceUnitPriceVND, field: 5)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.lineNumber = try reader.read(ProtoUInt32.self, tag: tag)
            case 2: self.quantity = try reader.read(ProtoUInt32.self, tag: tag)
            case 3: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 4: self.unitPriceVND = try reader.read(ProtoInt64.self, tag: tag)
            case 5: self.referenceUnitPriceVND = try reader.read(ProtoInt64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
