/// `grpc.reflection.v*.ListServiceResponse`: every service the server answers.
public struct ListServiceResponse<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).ListServiceResponse", fields: [
            FieldSchema("service", 1, .message(ServiceResponse<Version>.protoMessageName), .repeated),
        ])
    }

    public var service: [ServiceResponse<Version>] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public init(service: [ServiceResponse<Version>]) {
        self.service = service
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessages(self.service, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoMessageCodec<ServiceResponse<Version>>.self, tag: tag, into: &self.service)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
