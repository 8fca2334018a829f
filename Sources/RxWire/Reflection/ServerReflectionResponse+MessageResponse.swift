extension ServerReflectionResponse {
    /// The `message_response` oneof: the answer, or why there is none.
    public enum MessageResponse: Sendable, Equatable {
        case fileDescriptorResponse(FileDescriptorResponse<Version>)
        case allExtensionNumbersResponse(ExtensionNumberResponse<Version>)
        case listServicesResponse(ListServiceResponse<Version>)
        case errorResponse(ErrorResponse<Version>)
    }
}
