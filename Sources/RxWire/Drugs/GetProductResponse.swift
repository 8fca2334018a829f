/// `rx.v1.GetProductResponse`: one product and the catalog version that answered.
public struct GetProductResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.GetProductResponse", fields: [
        FieldSchema("product", 1, .message(DrugProduct.schema.name)),
        FieldSchema("catalog_version", 2, .uint64),
    ])

    public var product: DrugProduct?
    /// Content digest of the snapshot that answered.
    public var catalogVersion: UInt64 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessage(self.product, field: 1)
        visitor.visitSingular(ProtoUInt64.self, self.catalogVersion, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.product = try reader.readMessage(tag: tag, merging: self.product)
            case 2: self.catalogVersion = try reader.read(ProtoUInt64.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
