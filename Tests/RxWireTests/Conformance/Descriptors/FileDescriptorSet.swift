import RxWire

/// `google.protobuf.FileDescriptorSet`, decoded with RxWire's own reader: the
/// output of `protoc --descriptor_set_out`. Only the parts the conformance test
/// compares are kept; everything else is skipped as unknown fields.
struct FileDescriptorSet: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.FileDescriptorSet", fields: [
        FieldSchema("file", 1, .message(FileDescriptorProto.schema.name), .repeated),
    ])

    var file: [FileDescriptorProto] = []

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitMessages(self.file, field: 1)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: try reader.readRepeated(ProtoMessageCodec<FileDescriptorProto>.self, tag: tag, into: &self.file)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
