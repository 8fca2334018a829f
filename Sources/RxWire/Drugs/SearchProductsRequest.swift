/// `rx.v1.SearchProductsRequest`: a catalog search (brand, ingredient, ATC prefix, registration number).
public struct SearchProductsRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.SearchProductsRequest", fields: [
        FieldSchema("query", 1, .string),
        FieldSchema("page_size", 2, .uint32),
        FieldSchema("page_token", 3, .string),
    ])

    /// Case- and Vietnamese-diacritic-insensitive.
    public var query = ""
    /// 0 means 20; at most 100.
    public var pageSize: UInt32 = 0
    /// From the previous response; empty for the first page.
    public var pageToken = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.query, field: 1)
        visitor.visitSingular(ProtoUInt32.self, self.pageSize, field: 2)
        visitor.visitSingular(ProtoString.self, self.pageToken, field: 3)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.query = try reader.read(ProtoString.self, tag: tag)
            case 2: self.pageSize = try reader.read(ProtoUInt32.self, tag: tag)
            case 3: self.pageToken = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
