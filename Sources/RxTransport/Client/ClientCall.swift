/// What a client learns from one gRPC call.
public struct ClientCallResult: Sendable {
    /// The response messages, without their 5-byte prefixes.
    public var messages: [[UInt8]] = []
    public var status: GRPCStatus = GRPCStatus(code: .unknown, message: "no status received")
    /// The HTTP status of the response headers (200 for any gRPC outcome).
    public var httpStatus: Int = 0
    /// Response headers and trailers other than pseudo-headers, in arrival order.
    public var headers: [(name: String, value: String)] = []

    public init() {}
}

/// One request in flight on a client connection.
final class ClientCall {
    let path: String
    var outbound: [UInt8]
    var outboundOffset = 0
    var result = ClientCallResult()
    var deframer: GRPCMessageDeframer
    var sawStatus = false
    var closed = false
    let onMessage: (([UInt8]) -> Void)?

    init(path: String, framedRequest: [UInt8], maximumMessageBytes: Int, onMessage: (([UInt8]) -> Void)?) {
        self.path = path
        self.outbound = framedRequest
        self.deframer = GRPCMessageDeframer(maximumMessageBytes: maximumMessageBytes)
        self.onMessage = onMessage
    }
}
