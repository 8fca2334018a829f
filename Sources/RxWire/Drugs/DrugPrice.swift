/// `rx.v1.DrugPrice`: one declared wholesale price (giá bán buôn dự kiến) of a product.
public struct DrugPrice: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.DrugPrice", fields: [
        FieldSchema("unit_price_vnd", 1, .int64),
        FieldSchema("effective_date", 2, .message(CivilDate.schema.name)),
        FieldSchema("declaring_company", 3, .string),
    ])

    /// VND including VAT per dispensing unit.
    public var unitPriceVND: Int64 = 0
    /// In effect from this date until the next declaration.
    public var effectiveDate: CivilDate?
    /// Đơn vị kê khai.
    public var declaringCompany = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt64.self, self.unitPriceVND, field: 1)
        visitor.visitMessage(self.effectiveDate, field: 2)
        visitor.visitSingular(ProtoString.self, self.declaringCompany, field: 3)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.unitPriceVND = try reader.read(ProtoInt64.self, tag: tag)
            case 2: self.effectiveDate = try reader.readMessage(tag: tag, merging: self.effectiveDate)
            case 3: self.declaringCompany = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
