import RxWire

/// The way back to the client for a unary call registered with ``Router/registerDeferred(_:access:_:)``.
///
/// Call it exactly once, from any thread; the response is encoded and sent on the connection's I/O
/// thread. Later calls are ignored, and a call whose client has gone (reset, deadline) is dropped.
/// Never calling it leaves the call open until its deadline or the client gives up.
public struct UnaryReply<Response: ProtoMessage>: Sendable {
    private let deliver: @Sendable (@escaping @Sendable () throws -> [UInt8]) -> Void

    init(deliver: @escaping @Sendable (@escaping @Sendable () throws -> [UInt8]) -> Void) {
        self.deliver = deliver
    }

    /// Answers the call: `.success` with the response, `.failure` with the error that decides the
    /// status (an `RPCError` or an ``RPCErrorConvertible``; anything else is `INTERNAL`).
    public func callAsFunction(_ result: Result<Response, any Error>) {
        self.deliver { try result.get().serializedBytes() }
    }
}
