/// `grpc.reflection.v*.ServerReflectionRequest`: one question of a reflection stream.
public struct ServerReflectionRequest<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).ServerReflectionRequest", fields: [
            FieldSchema("host", 1, .string),
            FieldSchema("file_by_filename", 3, .string, oneof: "message_request"),
            FieldSchema("file_containing_symbol", 4, .string, oneof: "message_request"),
            FieldSchema(
                "file_containing_extension", 5, .message(ExtensionRequest<Version>.protoMessageName),
                oneof: "message_request"),
            FieldSchema("all_extension_numbers_of_type", 6, .string, oneof: "message_request"),
            FieldSchema("list_services", 7, .string, oneof: "message_request"),
        ])
    }

    public var host = ""
    /// What is asked; nil when the client set none of the oneof's members.
    public var messageRequest: MessageRequest?
    public var unknownFields = UnknownFields()

    public init() {}

    public init(host: String = "", messageRequest: MessageRequest?) {
        self.host = host
        self.messageRequest = messageRequest
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.host, field: 1)
        switch self.messageRequest {
        case .fileByFilename(let name): visitor.visitPresent(ProtoString.self, name, field: 3)
        case .fileContainingSymbol(let symbol): visitor.visitPresent(ProtoString.self, symbol, field: 4)
        case .fileContainingExtension(let request): visitor.visitMessage(request, field: 5)
        case .allExtensionNumbersOfType(let type): visitor.visitPresent(ProtoString.self, type, field: 6)
        case .listServices(let text): visitor.visitPresent(ProtoString.self, text, field: 7)
        case nil: break
        }
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.host = try reader.read(ProtoString.self, tag: tag)
            case 3: self.messageRequest = .fileByFilename(try reader.read(ProtoString.self, tag: tag))
            case 4: self.messageRequest = .fileContainingSymbol(try reader.read(ProtoString.self, tag: tag))
            case 5:
                var existing: ExtensionRequest<Version>? = nil
                if case .fileContainingExtension(let request) = self.messageRequest { existing = request }
                self.messageRequest = .fileContainingExtension(try reader.readMessage(tag: tag, merging: existing))
            case 6: self.messageRequest = .allExtensionNumbersOfType(try reader.read(ProtoString.self, tag: tag))
            case 7: self.messageRequest = .listServices(try reader.read(ProtoString.self, tag: tag))
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
