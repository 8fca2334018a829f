/// Client-streaming calls: the handler starts at HEADERS time and request messages are handed to
/// it as DATA frames complete them.
extension ServerConnection {
    /// Request messages waiting for the handler, per call. nghttp2 acknowledges DATA automatically,
    /// so this bound (with the maximum message size) is what caps a flooding client's memory.
    static let inboundMessageLimit = 64

    func startStreamingCall(_ stream: ServerStream) {
        guard let rpc = stream.rpc, let identity = self.identity,
            case .bidirectionalStreaming(let handler) = rpc.handler
        else { return }
        let (messages, continuation) = AsyncStream<[UInt8]>.makeStream(
            bufferingPolicy: .bufferingOldest(Self.inboundMessageLimit))
        stream.inbound = continuation
        stream.phase = .dispatched
        let context = ServerContext(
            method: rpc.path, identity: identity, metadata: stream.metadata,
            deadline: stream.deadline, logger: self.logger)
        self.runStreamingHandler(stream) { sink in try await handler(messages, sink, context) }
    }

    func receiveStreamingData(_ stream: ServerStream, bytes: UnsafeRawBufferPointer) {
        guard stream.phase == .dispatched, let inbound = stream.inbound else { return }
        do {
            try stream.deframer.consume(bytes) { message in
                if case .dropped = inbound.yield(message) {
                    throw RPCError(
                        .resourceExhausted,
                        "more than \(Self.inboundMessageLimit) request messages waiting for \(stream.path ?? "")")
                }
            }
        } catch {
            stream.resetAfterResponse = true
            self.finish(stream, status: Self.status(forDeframing: error, encoding: stream.messageEncoding))
        }
    }

    /// The client half-closed: the handler's request sequence ends after what was delivered.
    func inboundEnded(_ stream: ServerStream) {
        guard stream.phase == .dispatched, let inbound = stream.inbound else { return }
        do {
            try stream.deframer.finish()
        } catch {
            self.finish(stream, status: GRPCStatus(code: .invalidArgument, message: "request ended inside a message: \(error)"))
            return
        }
        inbound.finish()
    }
}
