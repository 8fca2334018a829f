/// `grpc.health.v1.HealthCheckResponse`: a service's serving status.
public struct HealthCheckResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "grpc.health.v1.HealthCheckResponse", fields: [
        FieldSchema("status", 1, .enumeration(ServingStatus.schema.name)),
    ])

    public var status = ServingStatus.unknown
    public var unknownFields = UnknownFields()

    public init() {}

    public init(status: ServingStatus) {
        self.status = status
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoEnumCodec<ServingStatus>.self, self.status, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.status = try reader.read(ProtoEnumCodec<ServingStatus>.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
