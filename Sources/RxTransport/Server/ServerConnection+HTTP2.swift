/// Request parsing: nghttp2's callbacks build up each stream's headers and messages.
extension ServerConnection: HTTP2SessionDelegate {
    func http2BeginHeaders(streamID: Int32) {
        guard self.streams[streamID] == nil else { return }  // trailers from a client: ignored
        if self.goingAway {
            self.session?.resetStream(streamID: streamID, errorCode: 7)  // REFUSED_STREAM
            return
        }
        self.streams[streamID] = ServerStream(
            id: streamID, maximumMessageBytes: self.environment.configuration.maxMessageBytes, now: .now())
        self.environment.metrics.inFlightStreams.add(1, ordering: .relaxed)
    }

    func http2Header(streamID: Int32, name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> Bool {
        guard let stream = self.streams[streamID], stream.phase == .receiving else { return true }
        stream.headerBytes += name.count + value.count + 32
        if stream.headerBytes > Int(self.environment.configuration.http2.maxHeaderListSize) {
            return false
        }
        let name = String(decoding: name, as: UTF8.self)
        switch name {
        case ":method": stream.method = String(decoding: value, as: UTF8.self)
        case ":path": stream.path = String(decoding: value, as: UTF8.self)
        case ":scheme": stream.scheme = String(decoding: value, as: UTF8.self)
        case "content-type": stream.contentType = String(decoding: value, as: UTF8.self)
        case "grpc-encoding": stream.messageEncoding = String(decoding: value, as: UTF8.self)
        case "grpc-timeout": stream.timeout = String(decoding: value, as: UTF8.self)
        case ":authority", "te", "user-agent", "grpc-accept-encoding", "accept-encoding", "grpc-message-type":
            break
        default:
            if name.hasPrefix(":") || name.hasPrefix("grpc-") { break }
            if name.hasSuffix("-bin") {
                guard let decoded = Base64.decode(value) else {
                    stream.invalidHeader = "metadata \(name) is not valid base64"
                    break
                }
                stream.metadata.append(name: name, value: .binary(decoded))
            } else {
                stream.metadata.append(name: name, value: .text(String(decoding: value, as: UTF8.self)))
            }
        }
        return true
    }

    func http2HeadersComplete(streamID: Int32, endStream: Bool) {
        guard let stream = self.streams[streamID], stream.phase == .receiving, stream.rpc == nil else { return }
        if stream.method == "GET", let path = stream.path, let endpoint = self.environment.router.httpEndpoints[path] {
            self.respondPlainHTTP(stream, endpoint: endpoint)
            return
        }
        guard stream.method == "POST" else {
            self.respondHTTPError(stream, headers: ResponseHeaders.methodNotAllowed)
            return
        }
        guard let contentType = stream.contentType,
            contentType == "application/grpc" || contentType.hasPrefix("application/grpc+")
                || contentType.hasPrefix("application/grpc;")
        else {
            self.respondHTTPError(stream, headers: ResponseHeaders.unsupportedMediaType)
            return
        }
        if let problem = stream.invalidHeader {
            self.finish(stream, status: GRPCStatus(code: .invalidArgument, message: problem))
            return
        }
        guard let path = stream.path, let rpc = self.environment.router.method(for: path) else {
            let path = stream.path ?? "(none)"
            self.finish(stream, status: GRPCStatus(code: .unimplemented, message: "unknown method \(path)"))
            return
        }
        guard let identity = self.identity, rpc.access.permits(identity) else {
            let message = "facility \(self.identity?.facilityCode ?? "?") may not call \(path) (requires role: \(rpc.access))"
            self.finish(stream, status: GRPCStatus(code: .permissionDenied, message: message))
            return
        }
        if case .roles = rpc.access, !self.environment.facilities.admitCall(facility: identity.facilityCode) {
            let message = "facility \(identity.facilityCode) exceeded \(self.environment.facilities.callsPerSecond) calls per second; retry later"
            self.finish(stream, status: GRPCStatus(code: .resourceExhausted, message: message))
            return
        }
        if let timeout = stream.timeout {
            guard let parsed = GRPCTimeout(headerValue: timeout) else {
                self.finish(stream, status: GRPCStatus(code: .invalidArgument, message: "malformed grpc-timeout \"\(timeout)\""))
                return
            }
            self.armDeadline(stream, after: parsed)
        }
        stream.rpc = rpc
        if rpc.isClientStreaming {
            self.startStreamingCall(stream)
            if endStream { self.inboundEnded(stream) }
            return
        }
        if endStream { self.requestComplete(stream) }
    }

    func http2Data(streamID: Int32, bytes: UnsafeRawBufferPointer) {
        if let stream = self.streams[streamID], stream.inbound != nil {
            self.receiveStreamingData(stream, bytes: bytes)
            return
        }
        guard let stream = self.streams[streamID], stream.phase == .receiving, stream.rpc != nil else { return }
        do {
            try stream.deframer.consume(bytes) { message in
                guard stream.requests.isEmpty else {
                    throw RPCError(.unimplemented, "\(stream.path ?? "") takes exactly one request message; got more")
                }
                stream.requests.append(message)
            }
        } catch {
            // Refuse the rest of an oversized or broken body instead of reading it: once the
            // trailers are out, RST_STREAM(NO_ERROR) tells the client to stop sending.
            stream.resetAfterResponse = true
            self.finish(stream, status: Self.status(forDeframing: error, encoding: stream.messageEncoding))
        }
    }

    func http2DataComplete(streamID: Int32, endStream: Bool) {
        guard endStream, let stream = self.streams[streamID], stream.rpc != nil else { return }
        if stream.inbound != nil {
            self.inboundEnded(stream)
        } else if stream.phase == .receiving {
            self.requestComplete(stream)
        }
    }

    func http2StreamClosed(streamID: Int32, errorCode: UInt32) {
        guard let stream = self.streams.removeValue(forKey: streamID) else { return }
        self.environment.metrics.inFlightStreams.subtract(1, ordering: .relaxed)
        if stream.phase != .finished || stream.pendingOutboundBytes > 0 {
            self.logCall(stream, status: GRPCStatus(code: .cancelled, message: "stream reset by client (\(errorCode))"))
            if errorCode != 0, !self.resetBudget.take(now: .now()) {
                // Rapid reset (CVE-2023-44487): a client cancelling streams faster than any real
                // client would gets GOAWAY(ENHANCE_YOUR_CALM) instead of more of our time.
                self.logger.warning(
                    "closing connection: too many streams reset by the client",
                    metadata: ["cool_down_ms": .stringConvertible(self.environment.facilities.coolDownMilliseconds)])
                if let identity = self.identity { self.environment.facilities.penalize(facility: identity.facilityCode) }
                self.session?.goAway(errorCode: 0xB)
                self.goingAway = true
                self.scheduleFlush()
                self.closeAfterFlush = true
            }
        }
        self.abandon(stream)
    }

    func http2SettingsReceived() {
        if let timer = self.prefaceTimer {
            self.loop.cancelTimer(timer)
            self.prefaceTimer = nil
        }
    }

    func http2FinalHeadersSent(streamID: Int32) {
        guard let stream = self.streams[streamID], stream.resetAfterResponse else { return }
        self.session?.resetStream(streamID: streamID, errorCode: 0)
    }

    func http2ProvideData(streamID: Int32, into buffer: UnsafeMutableRawBufferPointer) -> HTTP2DataChunk {
        guard let stream = self.streams[streamID] else { return .end(count: 0, trailers: nil) }
        let count = min(buffer.count, stream.pendingOutboundBytes)
        if count > 0 {
            stream.outbound.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[stream.outboundOffset..<stream.outboundOffset + count]))
            }
            stream.outboundOffset += count
            if stream.outboundOffset == stream.outbound.count {
                stream.outbound.removeAll(keepingCapacity: true)
                stream.outboundOffset = 0
            }
            stream.sink?.release(count)
        }
        if stream.pendingOutboundBytes == 0, stream.phase == .finished, let trailers = stream.trailers {
            stream.trailers = nil
            return .end(count: count, trailers: trailers)
        }
        if stream.pendingOutboundBytes == 0, stream.phase == .finished, stream.endsWithoutTrailers {
            return .end(count: count, trailers: nil)
        }
        return count > 0 ? .data(count: count) : .deferred
    }

    /// Maps a deframing failure to the status the gRPC spec asks for.
    static func status(forDeframing error: any Error, encoding: String?) -> GRPCStatus {
        switch error {
        case GRPCMessageDeframer.Failure.messageTooLarge(let length, let maximum):
            return GRPCStatus(
                code: .resourceExhausted,
                message: "request message of \(length) bytes exceeds the maximum of \(maximum) bytes")
        case GRPCMessageDeframer.Failure.compressedMessage:
            let named = encoding.map { "grpc-encoding \($0)" } ?? "no grpc-encoding"
            return GRPCStatus(code: .unimplemented, message: "compressed message (\(named)) not supported; use identity")
        case GRPCMessageDeframer.Failure.invalidFlag(let flag):
            return GRPCStatus(code: .invalidArgument, message: "invalid message flag \(flag)")
        default:
            return RPCError(mapping: error).status
        }
    }
}
