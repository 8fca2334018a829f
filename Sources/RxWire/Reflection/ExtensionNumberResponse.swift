/// `grpc.reflection.v*.ExtensionNumberResponse`: the extension numbers of one message type.
public struct ExtensionNumberResponse<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).ExtensionNumberResponse", fields: [
            FieldSchema("base_type_name", 1, .string),
            FieldSchema("extension_number", 2, .int32, .packed),
        ])
    }

    public var baseTypeName = ""
    public var extensionNumber: [Int32] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public init(baseTypeName: String, extensionNumber: [Int32]) {
        self.baseTypeName = baseTypeName
        self.extensionNumber = extensionNumber
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.baseTypeName, field: 1)
        visitor.visitRepeated(ProtoInt32.self, self.extensionNumber, field: 2, packed: true)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.baseTypeName = try reader.read(ProtoString.self, tag: tag)
            case 2: try reader.readRepeated(ProtoInt32.self, tag: tag, into: &self.extensionNumber)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
