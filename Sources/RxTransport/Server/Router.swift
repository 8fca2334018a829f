import RxWire

/// Maps `/package.Service/Method` paths to typed handlers.
///
/// Registration decodes and encodes messages with the hand-coded RxWire codecs, so handlers see
/// only typed values; a request that does not decode is answered `INVALID_ARGUMENT` naming the
/// field before any handler runs.
public struct Router: Sendable {
    public private(set) var methods: [String: RPCMethod] = [:]
    /// Plain HTTP `GET` resources by path; every other non-gRPC request is refused as before.
    public private(set) var httpEndpoints: [String: HTTPEndpoint] = [:]

    public init() {}

    public func method(for path: String) -> RPCMethod? { self.methods[path] }

    /// Services with at least one method, as health and reflection report them.
    public var serviceNames: [String] {
        Set(self.methods.keys.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 2 ? String(parts[0]) : nil
        }).sorted()
    }

    /// A unary method answered on the I/O thread: only for handlers that never block.
    public mutating func registerInline<Request: ProtoMessage, Response: ProtoMessage>(
        _ path: String, access: MethodAccess,
        _ handler: @escaping @Sendable (Request, ServerContext) throws -> Response
    ) {
        self.add(RPCMethod(path: path, access: access, handler: .inlineUnary({ bytes, context in
            let request = try Request(serializedBytes: bytes)
            return try handler(request, context).serializedBytes()
        })))
    }

    /// A unary method run on the task pool.
    public mutating func registerUnary<Request: ProtoMessage, Response: ProtoMessage>(
        _ path: String, access: MethodAccess,
        _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        self.add(RPCMethod(path: path, access: access, handler: .unary({ bytes, context in
            let request = try Request(serializedBytes: bytes)
            return try await handler(request, context).serializedBytes()
        })))
    }

    /// A unary method that starts on the I/O thread and answers later through `reply`, from whatever
    /// thread finishes the work (say, the store's writer after a commit): no task and no hop through
    /// the task pool. For hot paths whose synchronous part is short and never waits on I/O that may
    /// stall (a page-cache read is fine; a network call is not): the I/O thread serves every other
    /// connection of its loop meanwhile.
    public mutating func registerDeferred<Request: ProtoMessage, Response: ProtoMessage>(
        _ path: String, access: MethodAccess,
        _ handler: @escaping @Sendable (Request, ServerContext, UnaryReply<Response>) -> Void
    ) {
        self.add(RPCMethod(path: path, access: access, handler: .deferredUnary({ bytes, context, deliver in
            let request = try Request(serializedBytes: bytes)
            handler(request, context, UnaryReply(deliver: deliver))
        })))
    }

    /// A server-streaming method; `send` suspends while the client is not reading, so a slow
    /// reader holds back the handler instead of growing server memory.
    public mutating func registerServerStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ path: String, access: MethodAccess,
        _ handler: @escaping @Sendable (Request, ServerStreamWriter<Response>, ServerContext) async throws -> Void
    ) {
        self.add(RPCMethod(path: path, access: access, handler: .serverStreaming({ bytes, sink, context in
            let request = try Request(serializedBytes: bytes)
            try await handler(request, ServerStreamWriter(sink: sink), context)
        })))
    }

    /// A bidirectional-streaming method: the handler starts when the request headers arrive and
    /// reads request messages as the client sends them, while sending its own responses. The
    /// call ends with OK when the handler returns (whether or not the client has half-closed).
    public mutating func registerBidirectionalStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ path: String, access: MethodAccess,
        _ handler: @escaping @Sendable (ServerRequestStream<Request>, ServerStreamWriter<Response>, ServerContext) async throws -> Void
    ) {
        self.add(RPCMethod(path: path, access: access, handler: .bidirectionalStreaming({ messages, sink, context in
            try await handler(ServerRequestStream(messages: messages), ServerStreamWriter(sink: sink), context)
        })))
    }

    /// Serves `GET path` as plain HTTP/2 (no gRPC framing) to callers `access` permits; others get 403.
    public mutating func registerHTTPGet(
        _ path: String, access: MethodAccess, _ handler: @escaping @Sendable (FacilityIdentity) -> HTTPEndpoint.Response
    ) {
        precondition(self.httpEndpoints[path] == nil, "HTTP endpoint \(path) registered twice")
        self.httpEndpoints[path] = HTTPEndpoint(path: path, access: access, handler: handler)
    }

    private mutating func add(_ method: RPCMethod) {
        precondition(self.methods[method.path] == nil, "method \(method.path) registered twice")
        self.methods[method.path] = method
    }
}
