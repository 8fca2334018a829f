/// One RPC of a service.
public struct MethodSchema: Sendable, Equatable {
    public let name: String
    /// Fully qualified request message name.
    public let inputType: String
    /// Fully qualified response message name.
    public let outputType: String
    public let clientStreaming: Bool
    public let serverStreaming: Bool

    public init(name: String, inputType: String, outputType: String, clientStreaming: Bool = false, serverStreaming: Bool = false) {
        self.name = name
        self.inputType = inputType
        self.outputType = outputType
        self.clientStreaming = clientStreaming
        self.serverStreaming = serverStreaming
    }
}
