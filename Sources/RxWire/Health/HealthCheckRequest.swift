/// `grpc.health.v1.HealthCheckRequest`: asks for one service's serving status.
public struct HealthCheckRequest: ProtoMessage {
    public static let schema = MessageSchema(name: "grpc.health.v1.HealthCheckRequest", fields: [
        FieldSchema("service", 1, .string),
    ])

    /// Fully qualified service name, e.g. "rx.v1.Diagnostics"; empty asks about the server as a whole.
    public var service = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(service: String) {
        self.service = service
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.service, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.service = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
