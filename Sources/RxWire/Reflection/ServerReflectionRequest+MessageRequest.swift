extension ServerReflectionRequest {
    /// The `message_request` oneof: the one question this request asks.
    public enum MessageRequest: Sendable, Equatable {
        case fileByFilename(String)
        case fileContainingSymbol(String)
        case fileContainingExtension(ExtensionRequest<Version>)
        case allExtensionNumbersOfType(String)
        /// The text is not examined; any value asks for the list.
        case listServices(String)
    }
}
