/// `grpc.reflection.v*.FileDescriptorResponse`: serialized `FileDescriptorProto`s, kept opaque so
/// the wire layer needs no `descriptor.proto` types.
public struct FileDescriptorResponse<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).FileDescriptorResponse", fields: [
            FieldSchema("file_descriptor_proto", 1, .bytes, .repeated),
        ])
    }

    public var fileDescriptorProto: [[UInt8]] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public init(fileDescriptorProto: [[UInt8]]) {
        self.fileDescriptorProto = fileDescriptorProto
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitRepeated(ProtoBytes.self, self.fileDescriptorProto, field: 1, packed: false)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoBytes.self, tag: tag, into: &self.fileDescriptorProto)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
