/// `rx.v1.ReloadCatalogResponse`: the snapshot now served.
public struct ReloadCatalogResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.ReloadCatalogResponse", fields: [
        FieldSchema("catalog_version", 1, .uint64),
        FieldSchema("changed", 2, .bool),
        FieldSchema("product_count", 3, .uint32),
        FieldSchema("ingredient_count", 4, .uint32),
        FieldSchema("price_count", 5, .uint32),
    ])

    public var catalogVersion: UInt64 = 0
    /// Whether the version differs from the one served before.
    public var changed = false
    public var productCount: UInt32 = 0
    public var ingredientCount: UInt32 = 0
    public var priceCount: UInt32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoUInt64.self, self.catalogVersion, field: 1)
        visitor.visitSingular(ProtoBool.self, self.changed, field: 2)
        visitor.visitSingular(ProtoUInt32.self, self.productCount, field: 3)
        visitor.visitSingular(ProtoUInt32.self, self.ingredientCount, field: 4)
        visitor.visitSingular(ProtoUInt32.self, self.priceCount, field: 5)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.catalogVersion = try reader.read(ProtoUInt64.self, tag: tag)
            case 2: self.changed = try reader.read(ProtoBool.self, tag: tag)
            case 3: self.productCount = try reader.read(ProtoUInt32.self, tag: tag)
            case 4: self.ingredientCount = try reader.read(ProtoUInt32.self, tag: tag)
            case 5: self.priceCount = try reader.read(ProtoUInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
