/// `rx.v1.SearchHit`: one ranked search result.
public struct SearchHit: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.SearchHit", fields: [
        FieldSchema("product", 1, .message(DrugProduct.schema.name)),
        FieldSchema("match", 2, .enumeration(SearchMatch.schema.name)),
        FieldSchema("matched_field", 3, .string),
    ])

    public var product: DrugProduct?
    public var match = SearchMatch.unspecified
    /// "brand_name", "ingredient", "atc_code" or "registration_number".
    public var matchedField = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessage(self.product, field: 1)
        visitor.visitSingular(ProtoEnumCodec<SearchMatch>.self, self.match, field: 2)
        visitor.visitSingular(ProtoString.self, self.matchedField, field: 3)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.product = try reader.readMessage(tag: tag, merging: self.product)
            case 2: self.match = try reader.read(ProtoEnumCodec<SearchMatch>.self, tag: tag)
            case 3: self.matchedField = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
