/// `rx.v1.GetPriceResponse`: the declaration in effect on the date asked about.
public struct GetPriceResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.GetPriceResponse", fields: [
        FieldSchema("registration_number", 1, .string),
        FieldSchema("date", 2, .message(CivilDate.schema.name)),
        FieldSchema("price", 3, .message(DrugPrice.schema.name)),
        FieldSchema("catalog_version", 4, .uint64),
    ])

    public var registrationNumber = ""
    public var date: CivilDate?
    public var price: DrugPrice?
    public var catalogVersion: UInt64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.registrationNumber, field: 1)
        visitor.visitMessage(self.date, field: 2)
        visitor.visitMessage(self.price, field: 3)
        visitor.visitSingular(ProtoUInt64.self, self.catalogVersion, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.registrationNumber = try reader.read(ProtoString.self, tag: tag)
            case 2: self.date = try reader.readMessage(tag: tag, merging: self.date)
            case 3: self.price = try reader.readMessage(tag: tag, merging: self.price)
            case 4: self.catalogVersion = try reader.read(ProtoUInt64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
