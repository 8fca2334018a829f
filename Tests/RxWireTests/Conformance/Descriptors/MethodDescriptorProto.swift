import RxWire

/// `google.protobuf.MethodDescriptorProto`.
struct MethodDescriptorProto: ProtoMessage {
    static let schema = MessageSchema(name: "google.protobuf.MethodDescriptorProto", fields: [
        FieldSchema("name", 1, .string),
        FieldSchema("input_type", 2, .string),
        FieldSchema("output_type", 3, .string),
        FieldSchema("client_streaming", 5, .bool),
        FieldSchema("server_streaming", 6, .bool),
    ])

    var name = ""
    var inputType = ""
    var outputType = ""
    var clientStreaming = false
    var serverStreaming = false

    func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.name, field: 1)
        visitor.visitSingular(ProtoString.self, self.inputType, field: 2)
        visitor.visitSingular(ProtoString.self, self.outputType, field: 3)
        visitor.visitSingular(ProtoBool.self, self.clientStreaming, field: 5)
        visitor.visitSingular(ProtoBool.self, self.serverStreaming, field: 6)
    }

    mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        var ignored = UnknownFields()
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.name = try reader.read(ProtoString.self, tag: tag)
            case 2: self.inputType = try reader.read(ProtoString.self, tag: tag)
            case 3: self.outputType = try reader.read(ProtoString.self, tag: tag)
            case 5: self.clientStreaming = try reader.read(ProtoBool.self, tag: tag)
            case 6: self.serverStreaming = try reader.read(ProtoBool.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &ignored)
            }
        }
    }
}
