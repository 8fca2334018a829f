/// `grpc.health.v1.HealthListRequest`: asks for every service's status (no fields).
public struct HealthListRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "grpc.health.v1.HealthListRequest", fields: [])

    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            try reader.skip(tag: tag, preservingIn: &self.unknownFields)
        }
    }
}
