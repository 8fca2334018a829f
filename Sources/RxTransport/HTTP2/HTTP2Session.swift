import CNGHTTP2

/// What the owner of an `HTTP2Session` hears from nghttp2. Every method runs on the owning loop,
/// inside `receive(_:)` or `send(into:)`; buffer arguments are lent and must be copied to be kept.
protocol HTTP2SessionDelegate: AnyObject {
    func http2BeginHeaders(streamID: Int32)
    /// Returns `false` to refuse the stream (it is reset with `PROTOCOL_ERROR`).
    func http2Header(streamID: Int32, name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> Bool
    func http2HeadersComplete(streamID: Int32, endStream: Bool)
    func http2Data(streamID: Int32, bytes: UnsafeRawBufferPointer)
    func http2DataComplete(streamID: Int32, endStream: Bool)
    func http2StreamClosed(streamID: Int32, errorCode: UInt32)
    func http2ProvideData(streamID: Int32, into buffer: UnsafeMutableRawBufferPointer) -> HTTP2DataChunk
    /// A HEADERS frame carrying END_STREAM left for `streamID` (the response is complete).
    func http2FinalHeadersSent(streamID: Int32)
    /// The peer's SETTINGS frame arrived: after the connection preface, the first proof of HTTP/2.
    func http2SettingsReceived()
}

/// A response body chunk handed to nghttp2's data provider.
enum HTTP2DataChunk {
    /// `count` bytes were written; more may follow.
    case data(count: Int)
    /// Nothing to send yet; the owner calls `resumeData` when there is.
    case deferred
    /// `count` bytes were written and the body is complete; `trailers` (if any) end the stream.
    case end(count: Int, trailers: HeaderBlock?)
}

/// Limits and window sizes the session announces and enforces.
public struct HTTP2Settings: Sendable {
    public var maxConcurrentStreams: UInt32 = 256
    public var initialWindowSize: UInt32 = 1 << 20
    public var connectionWindowSize: Int32 = 16 << 20
    public var maxHeaderListSize: UInt32 = 16 << 10
    public var maxFrameSize: UInt32 = 16 << 10

    public init() {}
}

public struct HTTP2Error: Error, Sendable, CustomStringConvertible {
    public var function: String
    public var code: Int32

    public var description: String {
        "\(self.function): \(String(cString: nghttp2_strerror(self.code))) (\(self.code))"
    }
}

/// The thin wrapper around one `nghttp2_session`: all bytes go through `receive(_:)` and
/// `send(into:)`, so TLS stays ours. Confined to one loop thread.
final class HTTP2Session {
    private var session: OpaquePointer?
    unowned let delegate: any HTTP2SessionDelegate

    /// A server session that has already queued its SETTINGS frame.
    init(serverWith settings: HTTP2Settings, delegate: any HTTP2SessionDelegate) throws(HTTP2Error) {
        self.delegate = delegate
        try self.create(server: true)
        try self.submitSettings(settings)
    }

    /// A client session that has queued the connection preface's SETTINGS.
    init(clientWith settings: HTTP2Settings, delegate: any HTTP2SessionDelegate) throws(HTTP2Error) {
        self.delegate = delegate
        try self.create(server: false)
        try self.submitSettings(settings)
    }

    deinit {
        nghttp2_session_del(self.session)
    }

    private func create(server: Bool) throws(HTTP2Error) {
        var callbacks: OpaquePointer?
        try check("nghttp2_session_callbacks_new", nghttp2_session_callbacks_new(&callbacks))
        defer { nghttp2_session_callbacks_del(callbacks) }
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, onBeginHeaders)
        nghttp2_session_callbacks_set_on_header_callback(callbacks, onHeader)
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, onFrameReceived)
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, onDataChunk)
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onStreamClose)
        nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, onFrameSent)

        var option: OpaquePointer?
        try check("nghttp2_option_new", nghttp2_option_new(&option))
        defer { nghttp2_option_del(option) }
        // CVE-2023-44487 (rapid reset): at most 1000 resets in a burst, then 33 per second.
        nghttp2_option_set_stream_reset_rate_limit(option, 1000, 33)
        // CVE-2024-28182: bound CONTINUATION frames per header block.
        nghttp2_option_set_max_continuations(option, 8)
        // Floods of SETTINGS/PING from a peer that never reads get the connection dropped.
        nghttp2_option_set_max_outbound_ack(option, 1000)
        nghttp2_option_set_max_settings(option, 32)

        let userData = Unmanaged.passUnretained(self).toOpaque()
        var created: OpaquePointer?
        if server {
            try check("nghttp2_session_server_new2", nghttp2_session_server_new2(&created, callbacks, userData, option))
        } else {
            try check("nghttp2_session_client_new2", nghttp2_session_client_new2(&created, callbacks, userData, option))
        }
        self.session = created
    }

    private func submitSettings(_ settings: HTTP2Settings) throws(HTTP2Error) {
        let entries = [
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
                value: settings.maxConcurrentStreams),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue), value: settings.initialWindowSize),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue), value: settings.maxHeaderListSize),
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_FRAME_SIZE.rawValue), value: settings.maxFrameSize),
        ]
        try check(
            "nghttp2_submit_settings",
            nghttp2_submit_settings(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), entries, entries.count))
        try check(
            "nghttp2_session_set_local_window_size",
            nghttp2_session_set_local_window_size(
                self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, settings.connectionWindowSize))
    }

    // MARK: Bytes in, bytes out

    /// Feeds decrypted bytes from the peer; callbacks fire synchronously from here.
    func receive(_ bytes: UnsafeRawBufferPointer) throws(HTTP2Error) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let consumed = nghttp2_session_mem_recv(self.session, base.assumingMemoryBound(to: UInt8.self), bytes.count)
        if consumed < 0 { throw HTTP2Error(function: "nghttp2_session_mem_recv", code: Int32(consumed)) }
    }

    /// Appends every frame nghttp2 has ready to `buffer` (so they leave in one TLS write), up to
    /// roughly `limit` bytes to keep a slow reader from growing the buffer without bound.
    func send(into buffer: inout [UInt8], limit: Int) throws(HTTP2Error) {
        while buffer.count < limit {
            var pointer: UnsafePointer<UInt8>?
            let count = nghttp2_session_mem_send(self.session, &pointer)
            if count < 0 { throw HTTP2Error(function: "nghttp2_session_mem_send", code: Int32(count)) }
            guard count > 0, let pointer else { return }
            buffer.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        }
    }

    var wantsRead: Bool { nghttp2_session_want_read(self.session) != 0 }
    var wantsWrite: Bool { nghttp2_session_want_write(self.session) != 0 }

    // MARK: Submitting frames

    /// Response HEADERS; with `hasBody` the body comes from `http2ProvideData`, otherwise the
    /// HEADERS frame ends the stream (a gRPC trailers-only response).
    func submitResponse(streamID: Int32, headers: HeaderBlock, extra: HeaderBlock? = nil, hasBody: Bool) throws(HTTP2Error) {
        var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: provideData)
        let result: Int32 = withHeaders(headers, extra) { pairs, count in
            if hasBody {
                return nghttp2_submit_response(self.session, streamID, pairs, count, &provider)
            }
            return nghttp2_submit_response(self.session, streamID, pairs, count, nil)
        }
        try check("nghttp2_submit_response", result)
    }

    /// Client request HEADERS with a body from `http2ProvideData`; returns the new stream's id.
    func submitRequest(headers: HeaderBlock, extra: HeaderBlock? = nil) throws(HTTP2Error) -> Int32 {
        var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: provideData)
        let result: Int32 = withHeaders(headers, extra) { pairs, count in
            nghttp2_submit_request(self.session, nil, pairs, count, &provider, nil)
        }
        try check("nghttp2_submit_request", result)
        return result
    }

    func resumeData(streamID: Int32) {
        _ = nghttp2_session_resume_data(self.session, streamID)
    }

    func resetStream(streamID: Int32, errorCode: UInt32) {
        _ = nghttp2_submit_rst_stream(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, errorCode)
    }

    /// GOAWAY naming the last stream we processed, so the peer knows which calls to retry.
    func goAway(errorCode: UInt32 = NGHTTP2_NO_ERROR.rawValue) {
        let last = nghttp2_session_get_last_proc_stream_id(self.session)
        _ = nghttp2_submit_goaway(self.session, UInt8(NGHTTP2_FLAG_NONE.rawValue), last, errorCode, nil, 0)
    }

    /// Frames the peer sent that nghttp2 consumed; we give them back as window immediately.
    fileprivate func submitTrailers(streamID: Int32, trailers: HeaderBlock) -> Int32 {
        trailers.withNameValuePairs { pairs, count in
            nghttp2_submit_trailer(self.session, streamID, pairs, count)
        }
    }

    private func withHeaders<R>(_ headers: HeaderBlock, _ extra: HeaderBlock?, _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        if let extra { return headers.withNameValuePairs(appending: extra, body) }
        return headers.withNameValuePairs(body)
    }

    private func check(_ function: String, _ code: Int32) throws(HTTP2Error) {
        if code < 0 { throw HTTP2Error(function: function, code: code) }
    }

    fileprivate static func from(_ userData: UnsafeMutableRawPointer?) -> HTTP2Session? {
        guard let userData else { return nil }
        return Unmanaged<HTTP2Session>.fromOpaque(userData).takeUnretainedValue()
    }
}

// MARK: C callbacks (no captures; the session arrives as user_data)

private let onBeginHeaders: nghttp2_on_begin_headers_callback = { _, frame, userData in
    guard let frame, let session = HTTP2Session.from(userData) else { return 0 }
    session.delegate.http2BeginHeaders(streamID: frame.pointee.hd.stream_id)
    return 0
}

private let onHeader: nghttp2_on_header_callback = { _, frame, name, nameLength, value, valueLength, _, userData in
    guard let frame, let session = HTTP2Session.from(userData) else { return 0 }
    let accepted = session.delegate.http2Header(
        streamID: frame.pointee.hd.stream_id,
        name: UnsafeRawBufferPointer(start: name, count: nameLength),
        value: UnsafeRawBufferPointer(start: value, count: valueLength))
    return accepted ? 0 : NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue
}

private let onFrameReceived: nghttp2_on_frame_recv_callback = { _, frame, userData in
    guard let frame, let session = HTTP2Session.from(userData) else { return 0 }
    let header = frame.pointee.hd
    let endStream = header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    switch UInt32(header.type) {
    case NGHTTP2_HEADERS.rawValue:
        session.delegate.http2HeadersComplete(streamID: header.stream_id, endStream: endStream)
    case NGHTTP2_DATA.rawValue:
        session.delegate.http2DataComplete(streamID: header.stream_id, endStream: endStream)
    case NGHTTP2_SETTINGS.rawValue:
        session.delegate.http2SettingsReceived()
    default:
        break
    }
    return 0
}

private let onFrameSent: nghttp2_on_frame_send_callback = { _, frame, userData in
    guard let frame, let session = HTTP2Session.from(userData) else { return 0 }
    let header = frame.pointee.hd
    if UInt32(header.type) == NGHTTP2_HEADERS.rawValue, header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0 {
        session.delegate.http2FinalHeadersSent(streamID: header.stream_id)
    }
    return 0
}

private let onDataChunk: nghttp2_on_data_chunk_recv_callback = { _, _, streamID, data, length, userData in
    guard let session = HTTP2Session.from(userData) else { return 0 }
    session.delegate.http2Data(streamID: streamID, bytes: UnsafeRawBufferPointer(start: data, count: length))
    return 0
}

private let onStreamClose: nghttp2_on_stream_close_callback = { _, streamID, errorCode, userData in
    guard let session = HTTP2Session.from(userData) else { return 0 }
    session.delegate.http2StreamClosed(streamID: streamID, errorCode: errorCode)
    return 0
}

private let provideData: nghttp2_data_source_read_callback = { _, streamID, buffer, length, flags, _, userData in
    guard let session = HTTP2Session.from(userData), let flags else {
        return Int(NGHTTP2_ERR_CALLBACK_FAILURE.rawValue)
    }
    let target = UnsafeMutableRawBufferPointer(start: buffer, count: length)
    switch session.delegate.http2ProvideData(streamID: streamID, into: target) {
    case .data(let count):
        return count
    case .deferred:
        return Int(NGHTTP2_ERR_DEFERRED.rawValue)
    case .end(let count, let trailers):
        flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
        if let trailers {
            flags.pointee |= NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
            if session.submitTrailers(streamID: streamID, trailers: trailers) < 0 {
                return Int(NGHTTP2_ERR_CALLBACK_FAILURE.rawValue)
            }
        }
        return count
    }
}
