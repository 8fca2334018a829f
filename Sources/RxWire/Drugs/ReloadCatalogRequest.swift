/// `rx.v1.ReloadCatalogRequest`: asks the server to rebuild its catalog snapshot.
public struct ReloadCatalogRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.ReloadCatalogRequest", fields: [
    ])

    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
