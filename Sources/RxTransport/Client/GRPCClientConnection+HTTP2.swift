/// Response parsing for client calls.
extension GRPCClientConnection: HTTP2SessionDelegate {
    func http2BeginHeaders(streamID: Int32) {}

    func http2Header(streamID: Int32, name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> Bool {
        guard let call = self.callFor(streamID) else { return true }
        let name = String(decoding: name, as: UTF8.self)
        let value = String(decoding: value, as: UTF8.self)
        switch name {
        case ":status":
            call.result.httpStatus = Int(value) ?? 0
        case "grpc-status":
            call.sawStatus = true
            call.result.status.code = GRPCStatus.Code(rawValue: Int(value) ?? 2)
            if call.result.status.message == "no status received" { call.result.status.message = "" }
        case "grpc-message":
            call.result.status.message = GRPCStatusMessage.decode(value)
        default:
            call.result.headers.append((name, value))
        }
        return true
    }

    func http2HeadersComplete(streamID: Int32, endStream: Bool) {}

    func http2Data(streamID: Int32, bytes: UnsafeRawBufferPointer) {
        guard let call = self.callFor(streamID) else { return }
        do {
            try call.deframer.consume(bytes) { message in
                if let onMessage = call.onMessage {
                    onMessage(message)
                } else {
                    call.result.messages.append(message)
                }
            }
        } catch {
            call.sawStatus = true
            call.result.status = GRPCStatus(code: .internal, message: "bad response framing: \(error)")
            self.resetStream(streamID)
        }
    }

    func http2DataComplete(streamID: Int32, endStream: Bool) {}

    func http2StreamClosed(streamID: Int32, errorCode: UInt32) {
        guard let call = self.callFor(streamID) else { return }
        call.closed = true
        guard !call.sawStatus else { return }
        if call.result.httpStatus != 0 && call.result.httpStatus != 200 {
            call.result.status = GRPCStatus(
                code: Self.code(forHTTPStatus: call.result.httpStatus), message: "HTTP status \(call.result.httpStatus)")
        } else {
            call.result.status = GRPCStatus(code: .unavailable, message: "stream closed without status (HTTP/2 error \(errorCode))")
        }
    }

    func http2FinalHeadersSent(streamID: Int32) {}

    func http2SettingsReceived() {}

    func http2ProvideData(streamID: Int32, into buffer: UnsafeMutableRawBufferPointer) -> HTTP2DataChunk {
        guard let call = self.callFor(streamID) else { return .end(count: 0, trailers: nil) }
        let count = min(buffer.count, call.outbound.count - call.outboundOffset)
        call.outbound.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[call.outboundOffset..<call.outboundOffset + count]))
        }
        call.outboundOffset += count
        if call.outboundOffset == call.outbound.count {
            call.outbound = []
            call.outboundOffset = 0
            return .end(count: count, trailers: nil)
        }
        return .data(count: count)
    }

    /// The gRPC spec's mapping for responses that are not gRPC.
    static func code(forHTTPStatus status: Int) -> GRPCStatus.Code {
        switch status {
        case 400: return .internal
        case 401: return .unauthenticated
        case 403: return .permissionDenied
        case 404: return .unimplemented
        case 429, 502, 503, 504: return .unavailable
        default: return .unknown
        }
    }
}
