import Logging

/// Running calls: dispatch to handlers, deadlines, and turning results into responses.
extension ServerConnection {
    func requestComplete(_ stream: ServerStream) {
        guard let rpc = stream.rpc, let identity = self.identity else { return }
        do {
            try stream.deframer.finish()
        } catch {
            self.finish(stream, status: GRPCStatus(code: .invalidArgument, message: "request ended inside a message: \(error)"))
            return
        }
        guard let request = stream.requests.first else {
            self.finish(stream, status: GRPCStatus(code: .invalidArgument, message: "request has no message"))
            return
        }
        stream.requests = []
        stream.phase = .dispatched
        let context = ServerContext(
            method: rpc.path, identity: identity, metadata: stream.metadata,
            deadline: stream.deadline, logger: self.logger)
        let bound = LoopBound(self, loop: self.loop)
        let streamID = stream.id
        switch rpc.handler {
        case .inlineUnary(let handler):
            do {
                self.respond(stream, message: try handler(request, context))
            } catch {
                self.finish(stream, status: self.status(for: error, method: rpc.path))
            }
        case .unary(let handler):
            stream.task = Task {
                let result: Result<[UInt8], any Error>
                do {
                    result = .success(try await handler(request, context))
                } catch {
                    result = .failure(error)
                }
                bound.loop.execute { bound.value.completeUnary(streamID: streamID, result: result) }
            }
        case .deferredUnary(let handler):
            let deliver: @Sendable (@escaping @Sendable () throws -> [UInt8]) -> Void = { produce in
                bound.loop.execute { bound.value.completeUnary(streamID: streamID, result: Result { try produce() }) }
            }
            do {
                try handler(request, context, deliver)
            } catch {
                self.finish(stream, status: self.status(for: error, method: rpc.path))
            }
        case .bidirectionalStreaming:
            // Started at HEADERS time (ServerConnection+Streaming); never completed through here.
            self.finish(stream, status: GRPCStatus(code: .internal, message: "streaming call completed as unary"))
        case .serverStreaming(let handler):
            self.runStreamingHandler(stream) { sink in try await handler(request, sink, context) }
        }
    }

    /// Runs a streaming handler on the task pool with a sink whose messages, and the final status,
    /// come back to this connection's loop.
    func runStreamingHandler(_ stream: ServerStream, _ body: @escaping @Sendable (ServerStreamSink) async throws -> Void) {
        let bound = LoopBound(self, loop: self.loop)
        let streamID = stream.id
        let sink = ServerStreamSink(limit: self.environment.configuration.streamSendBufferBytes) { framed in
            bound.loop.execute { bound.value.appendStreamMessage(streamID: streamID, framed: framed) }
        }
        stream.sink = sink
        stream.task = Task {
            let failure: (any Error)?
            do {
                try await body(sink)
                failure = nil
            } catch {
                failure = error
            }
            bound.loop.execute { bound.value.completeStreaming(streamID: streamID, failure: failure) }
        }
    }

    private func completeUnary(streamID: Int32, result: Result<[UInt8], any Error>) {
        guard let stream = self.streams[streamID], stream.phase == .dispatched else { return }
        switch result {
        case .success(let message): self.respond(stream, message: message)
        case .failure(let error): self.finish(stream, status: self.status(for: error, method: stream.path ?? ""))
        }
    }

    func appendStreamMessage(streamID: Int32, framed: [UInt8]) {
        guard let stream = self.streams[streamID], stream.phase == .dispatched, let session = self.session else {
            return
        }
        stream.outbound.append(contentsOf: framed)
        self.sendHeadersOrResume(stream, session: session)
    }

    func completeStreaming(streamID: Int32, failure: (any Error)?) {
        guard let stream = self.streams[streamID], stream.phase == .dispatched else { return }
        let status = failure.map { self.status(for: $0, method: stream.path ?? "") } ?? .ok
        self.finish(stream, status: status)
    }

    /// A unary success: HEADERS, one DATA frame (or more), then `grpc-status: 0`.
    private func respond(_ stream: ServerStream, message: [UInt8]) {
        guard let session = self.session else { return }
        GRPCMessageFramer.append(message: message, to: &stream.outbound)
        stream.phase = .finished
        stream.status = .ok
        stream.trailers = ResponseHeaders.okTrailers
        self.sendHeadersOrResume(stream, session: session)
        self.callEnded(stream)
    }

    private func sendHeadersOrResume(_ stream: ServerStream, session: HTTP2Session) {
        if stream.headersSent {
            session.resumeData(streamID: stream.id)
        } else {
            stream.headersSent = true
            do {
                try session.submitResponse(streamID: stream.id, headers: ResponseHeaders.ok, hasBody: true)
            } catch {
                self.logger.error("submitting response failed", metadata: ["error": "\(error)"])
                session.resetStream(streamID: stream.id, errorCode: 2)
            }
        }
        self.scheduleFlush()
    }

    /// Ends a call with `status`: trailers after the data already sent, or a trailers-only
    /// response if nothing was sent yet.
    func finish(_ stream: ServerStream, status: GRPCStatus) {
        guard stream.phase != .finished, let session = self.session else { return }
        stream.phase = .finished
        stream.status = status
        stream.task?.cancel()
        stream.sink?.close()
        stream.inbound?.finish()
        if stream.headersSent {
            stream.trailers = ResponseHeaders.trailers(for: status)
            session.resumeData(streamID: stream.id)
        } else {
            stream.headersSent = true
            do {
                try session.submitResponse(
                    streamID: stream.id, headers: ResponseHeaders.trailersOnlyPrefix,
                    extra: ResponseHeaders.trailers(for: status), hasBody: false)
            } catch {
                session.resetStream(streamID: stream.id, errorCode: 2)
            }
        }
        self.callEnded(stream)
        self.scheduleFlush()
    }

    /// A response that is not gRPC at all (wrong method or content-type).
    func respondHTTPError(_ stream: ServerStream, headers: HeaderBlock) {
        guard let session = self.session else { return }
        stream.phase = .finished
        stream.headersSent = true
        do {
            try session.submitResponse(streamID: stream.id, headers: headers, hasBody: false)
        } catch {
            session.resetStream(streamID: stream.id, errorCode: 2)
        }
        self.scheduleFlush()
    }

    func armDeadline(_ stream: ServerStream, after timeout: GRPCTimeout) {
        let deadline = stream.startTime.adding(nanoseconds: timeout.nanoseconds)
        stream.deadline = deadline
        let streamID = stream.id
        stream.deadlineTimer = self.loop.scheduleTimer(at: deadline) { [weak self] in
            guard let self, let stream = self.streams[streamID] else { return }
            stream.deadlineTimer = nil
            self.finish(stream, status: GRPCStatus(code: .deadlineExceeded, message: "deadline exceeded"))
        }
    }

    /// Releases what a stream holds once nothing more will be sent for it.
    func abandon(_ stream: ServerStream) {
        stream.inbound?.finish()
        stream.task?.cancel()
        stream.sink?.close()
        if let timer = stream.deadlineTimer { self.loop.cancelTimer(timer) }
        stream.deadlineTimer = nil
    }

    private func callEnded(_ stream: ServerStream) {
        if let timer = stream.deadlineTimer { self.loop.cancelTimer(timer) }
        stream.deadlineTimer = nil
        if let status = stream.status { self.logCall(stream, status: status) }
    }

    func logCall(_ stream: ServerStream, status: GRPCStatus) {
        let micros = MonotonicTime.now().nanoseconds(since: stream.startTime) / 1000
        var metadata: Logger.Metadata = [
            "method": .string(stream.path ?? ""), "status": .string(status.code.name), "duration_us": .stringConvertible(micros),
        ]
        if !status.isOK { metadata["message"] = .string(status.message) }
        self.logger.info("call", metadata: metadata)
        // Only routed paths become label values: a client inventing paths must not grow the metrics.
        self.environment.metrics.recordCall(
            method: stream.rpc?.path ?? "unknown", statusCode: status.code.rawValue, seconds: Double(micros) / 1_000_000,
            loop: self.loop.index)
    }

    /// Maps a handler's error to the status sent; unexpected errors are logged here, once.
    private func status(for error: any Error, method: String) -> GRPCStatus {
        let mapped = RPCError(mapping: error)
        if mapped.code == .internal, !(error is RPCError) {
            self.logger.error("handler failed", metadata: ["method": "\(method)", "error": "\(error)"])
        }
        return mapped.status
    }
}
