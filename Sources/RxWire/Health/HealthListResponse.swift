/// `grpc.health.v1.HealthListResponse`: the status of every service, by name.
public struct HealthListResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "grpc.health.v1.HealthListResponse", fields: [
        FieldSchema("statuses", 1, .map(key: .string, value: .message(HealthCheckResponse.schema.name)), .repeated),
    ])

    public var statuses: [String: HealthCheckResponse] = [:]
    public var unknownFields = UnknownFields()

    public init() {}

    public init(statuses: [String: HealthCheckResponse]) {
        self.statuses = statuses
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMap(ProtoString.self, ProtoMessageCodec<HealthCheckResponse>.self, self.statuses, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1:
                try reader.readMapEntry(
                    ProtoString.self, ProtoMessageCodec<HealthCheckResponse>.self, tag: tag, into: &self.statuses)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
