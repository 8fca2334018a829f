/// The state of one gRPC call on its connection; touched only on the connection's loop.
final class ServerStream {
    enum Phase {
        /// Collecting request headers and messages.
        case receiving
        /// The request is complete and a handler is running.
        case dispatched
        /// A final status is decided; trailers may still be waiting to be sent.
        case finished
    }

    let id: Int32
    let startTime: MonotonicTime
    var phase: Phase = .receiving

    // Request headers.
    var method: String? = nil
    var path: String? = nil
    var scheme: String? = nil
    var contentType: String? = nil
    var messageEncoding: String? = nil
    var timeout: String? = nil
    var metadata = Metadata()
    var headerBytes = 0
    var invalidHeader: String? = nil
    /// The request body is refused: reset the stream once the final response headers are sent.
    var resetAfterResponse = false

    // Request body.
    var deframer: GRPCMessageDeframer
    var requests: [[UInt8]] = []
    var rpc: RPCMethod? = nil
    /// Request messages of a client-streaming call go here as they arrive (nil for unary requests).
    var inbound: AsyncStream<[UInt8]>.Continuation? = nil

    // Response.
    var headersSent = false
    var outbound: [UInt8] = []
    var outboundOffset = 0
    var trailers: HeaderBlock? = nil
    /// A plain HTTP response: the body ends the stream, no gRPC trailers follow.
    var endsWithoutTrailers = false
    var status: GRPCStatus? = nil
    var sink: ServerStreamSink? = nil
    var task: Task<Void, Never>? = nil
    var deadlineTimer: TimerQueue.Handle? = nil
    var deadline: MonotonicTime? = nil

    init(id: Int32, maximumMessageBytes: Int, now: MonotonicTime) {
        self.id = id
        self.startTime = now
        self.deframer = GRPCMessageDeframer(maximumMessageBytes: maximumMessageBytes)
    }

    var pendingOutboundBytes: Int { self.outbound.count - self.outboundOffset }
}
