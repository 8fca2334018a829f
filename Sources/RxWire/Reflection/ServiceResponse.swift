/// `grpc.reflection.v*.ServiceResponse`: one service, by fully qualified name.
public struct ServiceResponse<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).ServiceResponse", fields: [
            FieldSchema("name", 1, .string),
        ])
    }

    public var name = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(name: String) {
        self.name = name
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
