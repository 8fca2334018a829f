/// `grpc.reflection.v*.ErrorResponse`: why one request of the stream has no answer (the stream
/// itself stays open for the next request).
public struct ErrorResponse<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).ErrorResponse", fields: [
            FieldSchema("error_code", 1, .int32),
            FieldSchema("error_message", 2, .string),
        ])
    }

    /// A gRPC status code number, e.g. 5 for NOT_FOUND.
    public var errorCode: Int32 = 0
    public var errorMessage = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(errorCode: Int32, errorMessage: String) {
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoInt32.self, self.errorCode, field: 1)
        visitor.visitSingular(ProtoString.self, self.errorMessage, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.errorCode = try reader.read(ProtoInt32.self, tag: tag)
            case 2: self.errorMessage = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
