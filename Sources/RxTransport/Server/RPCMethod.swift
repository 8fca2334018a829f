import RxWire

/// One registered method: its path, who may call it, and its type-erased handler.
public struct RPCMethod: Sendable {
    /// How the handler runs. Quick in-memory handlers answer inline on the connection's I/O
    /// thread (no hand-off); anything that may block or burn CPU runs on Swift's task pool and
    /// hands its result back to the loop.
    public enum Execution: Sendable {
        case inline
        case concurrent
    }

    enum Handler: Sendable {
        case inlineUnary(@Sendable ([UInt8], ServerContext) throws -> [UInt8])
        case unary(@Sendable ([UInt8], ServerContext) async throws -> [UInt8])
        /// Started on the I/O thread; answers later through the closure it is given, from any thread,
        /// with a producer of the encoded response that runs back on the I/O thread.
        case deferredUnary(
            @Sendable ([UInt8], ServerContext, @escaping @Sendable (@escaping @Sendable () throws -> [UInt8]) -> Void)
                throws -> Void)
        case serverStreaming(@Sendable ([UInt8], ServerStreamSink, ServerContext) async throws -> Void)
        /// Dispatched at HEADERS time; request messages arrive on the stream as DATA does.
        case bidirectionalStreaming(@Sendable (AsyncStream<[UInt8]>, ServerStreamSink, ServerContext) async throws -> Void)
    }

    public let path: String
    public let access: MethodAccess
    let handler: Handler

    public var isServerStreaming: Bool {
        switch self.handler {
        case .serverStreaming, .bidirectionalStreaming: return true
        case .inlineUnary, .unary, .deferredUnary: return false
        }
    }

    /// Whether requests stream in too: such calls start before the request is complete.
    public var isClientStreaming: Bool {
        if case .bidirectionalStreaming = self.handler { return true }
        return false
    }
}
