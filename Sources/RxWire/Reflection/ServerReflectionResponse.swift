/// `grpc.reflection.v*.ServerReflectionResponse`: the answer to one reflection request.
public struct ServerReflectionResponse<Version: ReflectionVersion>: ProtoMessage {
    public static var schema: MessageSchema {
        MessageSchema(name: "\(Version.package).ServerReflectionResponse", fields: [
            FieldSchema("valid_host", 1, .string),
            FieldSchema("original_request", 2, .message(ServerReflectionRequest<Version>.protoMessageName)),
            FieldSchema(
                "file_descriptor_response", 4, .message(FileDescriptorResponse<Version>.protoMessageName),
                oneof: "message_response"),
            FieldSchema(
                "all_extension_numbers_response", 5, .message(ExtensionNumberResponse<Version>.protoMessageName),
                oneof: "message_response"),
            FieldSchema(
                "list_services_response", 6, .message(ListServiceResponse<Version>.protoMessageName),
                oneof: "message_response"),
            FieldSchema("error_response", 7, .message(ErrorResponse<Version>.protoMessageName), oneof: "message_response"),
        ])
    }

    public var validHost = ""
    /// The request answered, echoed so a client pipelining several requests can match them up.
    public var originalRequest: ServerReflectionRequest<Version>?
    public var messageResponse: MessageResponse?
    public var unknownFields = UnknownFields()

    public init() {}

    public init(originalRequest: ServerReflectionRequest<Version>?, messageResponse: MessageResponse?) {
        self.originalRequest = originalRequest
        self.messageResponse = messageResponse
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.validHost, field: 1)
        visitor.visitMessage(self.originalRequest, field: 2)
        switch self.messageResponse {
        case .fileDescriptorResponse(let response): visitor.visitMessage(response, field: 4)
        case .allExtensionNumbersResponse(let response): visitor.visitMessage(response, field: 5)
        case .listServicesResponse(let response): visitor.visitMessage(response, field: 6)
        case .errorResponse(let response): visitor.visitMessage(response, field: 7)
        case nil: break
        }
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.validHost = try reader.read(ProtoString.self, tag: tag)
            case 2: self.originalRequest = try reader.readMessage(tag: tag, merging: self.originalRequest)
            case 4:
                var existing: FileDescriptorResponse<Version>? = nil
                if case .fileDescriptorResponse(let response) = self.messageResponse { existing = response }
                self.messageResponse = .fileDescriptorResponse(try reader.readMessage(tag: tag, merging: existing))
            case 5:
                var existing: ExtensionNumberResponse<Version>? = nil
                if case .allExtensionNumbersResponse(let response) = self.messageResponse { existing = response }
                self.messageResponse = .allExtensionNumbersResponse(try reader.readMessage(tag: tag, merging: existing))
            case 6:
                var existing: ListServiceResponse<Version>? = nil
                if case .listServicesResponse(let response) = self.messageResponse { existing = response }
                self.messageResponse = .listServicesResponse(try reader.readMessage(tag: tag, merging: existing))
            case 7:
                var existing: ErrorResponse<Version>? = nil
                if case .errorResponse(let response) = self.messageResponse { existing = response }
                self.messageResponse = .errorResponse(try reader.readMessage(tag: tag, merging: existing))
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
