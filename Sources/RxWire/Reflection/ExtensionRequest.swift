/// `grpc.reflection.v*.ExtensionRequest`: an extension by the message it extends and its number.
public struct ExtensionRequest<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).ExtensionRequest", fields: [
            FieldSchema("containing_type", 1, .string),
            FieldSchema("extension_number", 2, .int32),
        ])
    }

    public var containingType = ""
    public var extensionNumber: Int32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public init(containingType: String, extensionNumber: Int32) {
        self.containingType = containingType
        self.extensionNumber = extensionNumber
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.containingType, field: 1)
        visitor.visitSingular(ProtoInt32.self, self.extensionNumber, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.containingType = try reader.read(ProtoString.self, tag: tag)
            case 2: self.extensionNumber = try reader.read(ProtoInt32.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
