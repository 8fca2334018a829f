/// `rx.v1.SearchProductsResponse`: one page of search hits.
public struct SearchProductsResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.SearchProductsResponse", fields: [
        FieldSchema("hits", 1, .message(SearchHit.schema.name), .repeated),
        FieldSchema("next_page_token", 2, .string),
        FieldSchema("total_matches", 3, .uint32),
        FieldSchema("catalog_version", 4, .uint64),
    ])

    public var hits: [SearchHit] = []
    /// Empty on the last page; refused after a catalog reload.
    public var nextPageToken = ""
    public var totalMatches: UInt32 = 0
    public var catalogVersion: UInt64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessages(self.hits, field: 1)
        visitor.visitSingular(ProtoString.self, self.nextPageToken, field: 2)
        visitor.visitSingular(ProtoUInt32.self, self.totalMatches, field: 3)
        visitor.visitSingular(ProtoUInt64.self, self.catalogVersion, field: 4)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoMessageCodec<SearchHit>.self, tag: tag, into: &self.hits)
            case 2: self.nextPageToken = try reader.read(ProtoString.self, tag: tag)
            case 3: self.totalMatches = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.catalogVersion = try reader.read(ProtoUInt64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
