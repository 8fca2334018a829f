/// A blocking gRPC client connection over mTLS and HTTP/2, built from the same TLS and nghttp2
/// wrappers as the server: `rxctl`, the load generator and the Swift integration tests use it.
///
/// Confined to the thread that uses it. Several calls may be in flight on one connection: start
/// them with `start(…)`, then `wait(for:)`; `unary(…)` does both for one call.
public final class GRPCClientConnection {
    public struct Options: Sendable {
        public var connectTimeoutMilliseconds = 10_000
        public var maximumMessageBytes = 64 << 20
        /// The `:authority` header; defaults to `host:port`.
        public var authority: String? = nil

        public init() {}
    }

    private let socket: ClientSocket
    private let tls: TLSConnection
    private var session: HTTP2Session? = nil
    private(set) var calls: [Int32: ClientCall] = [:]
    private let options: Options
    private let authority: String
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var plaintext: [UInt8] = []
    private var ciphertext: [UInt8] = []
    private var connectionError: RPCError? = nil

    /// Connects and completes the TLS handshake; throws `UNAVAILABLE` with the reason if the
    /// server is unreachable or refuses our certificate.
    public init(host: String, port: Int, tls context: TLSContext, options: Options = Options()) throws(RPCError) {
        self.options = options
        self.authority = options.authority ?? "\(host):\(port)"
        do {
            self.socket = try ClientSocket(host: host, port: port, timeoutMilliseconds: options.connectTimeoutMilliseconds)
        } catch {
            throw RPCError(.unavailable, "cannot connect to \(host):\(port): \(error)")
        }
        do {
            self.tls = try TLSConnection(context: context)
        } catch {
            throw RPCError(.unavailable, "TLS setup failed: \(error)")
        }
        try self.handshake(deadline: MonotonicTime.now().adding(milliseconds: options.connectTimeoutMilliseconds))
        do {
            self.session = try HTTP2Session(clientWith: HTTP2Settings(), delegate: self)
        } catch {
            throw RPCError(.internal, "HTTP/2 session setup failed: \(error)")
        }
    }

    /// The TLS version negotiated, e.g. `TLSv1.3`.
    public var tlsVersion: String? { self.tls.negotiatedProtocolVersion }

    private func handshake(deadline: MonotonicTime) throws(RPCError) {
        while true {
            let progress = self.tls.handshake()
            try self.writeCiphertext()
            switch progress {
            case .complete:
                return
            case .failed(let error):
                throw RPCError(.unavailable, "TLS handshake failed: \(error)")
            case .needsMoreData:
                guard try self.readSocket(until: deadline) else {
                    throw RPCError(.unavailable, "TLS handshake failed: connection closed by server")
                }
            }
        }
    }

    // MARK: Calls

    /// Sends a request (a unary or server-streaming call) and returns its stream id.
    public func start(
        path: String, request: [UInt8], metadata: [(name: String, value: String)] = [], timeout: GRPCTimeout? = nil,
        onMessage: (([UInt8]) -> Void)? = nil
    ) throws(RPCError) -> Int32 {
        guard let session = self.session, self.connectionError == nil else {
            throw self.connectionError ?? RPCError(.unavailable, "connection closed")
        }
        var fields: [(name: String, value: String)] = [
            (":method", "POST"), (":scheme", "https"), (":path", path), (":authority", self.authority),
            ("content-type", "application/grpc"), ("te", "trailers"), ("user-agent", "rx-swift-client/1"),
        ]
        if let timeout { fields.append(("grpc-timeout", timeout.headerValue)) }
        fields.append(contentsOf: metadata)
        let call = ClientCall(
            path: path, framedRequest: GRPCMessageFramer.frame(request),
            maximumMessageBytes: self.options.maximumMessageBytes, onMessage: onMessage)
        let streamID: Int32
        do {
            streamID = try session.submitRequest(headers: HeaderBlock(fields))
        } catch {
            throw RPCError(.unavailable, "cannot start call: \(error)")
        }
        self.calls[streamID] = call
        return streamID
    }

    /// Drives the connection until every call in `streamIDs` has ended, then returns their
    /// results in the same order.
    public func wait(for streamIDs: [Int32], timeoutMilliseconds: Int = 60_000) throws(RPCError) -> [ClientCallResult] {
        try self.drive(timeoutMilliseconds: timeoutMilliseconds) {
            streamIDs.allSatisfy { self.calls[$0]?.closed ?? true }
        }
        return streamIDs.map { id in
            let result = self.calls.removeValue(forKey: id)?.result
            return result ?? ClientCallResult()
        }
    }

    /// Drives the connection until at least one call in flight has ended, and returns every call
    /// that has (for closed-loop load generation: start a new call per completion).
    public func waitForAny(timeoutMilliseconds: Int = 60_000) throws(RPCError) -> [(id: Int32, result: ClientCallResult)] {
        try self.drive(timeoutMilliseconds: timeoutMilliseconds) {
            self.calls.isEmpty || self.calls.values.contains(where: \.closed)
        }
        let finished = self.calls.filter { $0.value.closed }
        for id in finished.keys { self.calls[id] = nil }
        return finished.map { (id: $0.key, result: $0.value.result) }
    }

    /// Sends and receives until `done` holds, the deadline passes (`DEADLINE_EXCEEDED`) or the server
    /// closes the connection (every open call then ends `UNAVAILABLE`).
    private func drive(timeoutMilliseconds: Int, until done: () -> Bool) throws(RPCError) {
        let deadline = MonotonicTime.now().adding(milliseconds: timeoutMilliseconds)
        try self.flush()
        while !done() {
            guard MonotonicTime.now() < deadline else {
                throw RPCError(.deadlineExceeded, "no response within \(timeoutMilliseconds) ms")
            }
            guard try self.readSocket(until: deadline) else {
                self.failAll(RPCError(.unavailable, "connection closed by server"))
                return
            }
            try self.processPlaintext()
            try self.flush()
        }
    }

    /// One unary call: the response messages and the final status.
    public func unary(
        path: String, request: [UInt8], metadata: [(name: String, value: String)] = [], timeout: GRPCTimeout? = nil
    ) throws(RPCError) -> ClientCallResult {
        let id = try self.start(path: path, request: request, metadata: metadata, timeout: timeout)
        let waitMilliseconds = timeout.map { Int(min($0.nanoseconds / 1_000_000 + 5_000, 3_600_000)) } ?? 600_000
        return try self.wait(for: [id], timeoutMilliseconds: waitMilliseconds)[0]
    }

    /// Sends GOAWAY and flushes it; the socket closes when the connection is released.
    public func close() {
        self.session?.goAway()
        try? self.flush()
    }

    // MARK: I/O

    private func flush() throws(RPCError) {
        guard let session = self.session else { return }
        self.plaintext.removeAll(keepingCapacity: true)
        do {
            try session.send(into: &self.plaintext, limit: 4 << 20)
            if !self.plaintext.isEmpty {
                try self.plaintext.withUnsafeBytes { bytes in try self.tls.writePlaintext(bytes) }
            }
        } catch {
            throw RPCError(.unavailable, "sending failed: \(error)")
        }
        try self.writeCiphertext()
    }

    private func writeCiphertext() throws(RPCError) {
        self.ciphertext.removeAll(keepingCapacity: true)
        self.tls.takePendingCiphertext(into: &self.ciphertext)
        var offset = 0
        while offset < self.ciphertext.count {
            do {
                let written = try self.ciphertext.withUnsafeBytes { bytes in
                    try self.socket.write(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
                }
                if written == 0 { _ = self.socket.wait(readable: false, writable: true, timeoutMilliseconds: 1000) }
                offset += written
            } catch {
                throw RPCError(.unavailable, "connection lost: \(error)")
            }
        }
    }

    /// Reads what the socket has (waiting up to `deadline`); `false` at end of stream.
    private func readSocket(until deadline: MonotonicTime) throws(RPCError) -> Bool {
        let remaining = deadline.nanoseconds(since: .now()) / 1_000_000
        guard self.socket.wait(readable: true, writable: false, timeoutMilliseconds: Int32(min(remaining + 1, 1000))) else {
            return true
        }
        do {
            let count = try self.buffer.withUnsafeMutableBytes { bytes in try self.socket.read(into: bytes) }
            guard let count else { return true }
            if count == 0 { return false }
            self.buffer.withUnsafeBytes { bytes in
                self.tls.receiveCiphertext(UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
            }
            return true
        } catch {
            throw RPCError(.unavailable, "connection lost: \(error)")
        }
    }

    private func processPlaintext() throws(RPCError) {
        guard let session = self.session else { return }
        while true {
            self.plaintext.removeAll(keepingCapacity: true)
            switch self.tls.readPlaintext(into: &self.plaintext) {
            case .wouldBlock:
                return
            case .closed:
                self.failAll(RPCError(.unavailable, "server closed the TLS session"))
                return
            case .failed(let error):
                self.failAll(RPCError(.unavailable, "TLS error: \(error)"))
                return
            case .ok:
                do {
                    try self.plaintext.withUnsafeBytes { bytes in try session.receive(bytes) }
                } catch {
                    self.failAll(RPCError(.unavailable, "HTTP/2 error from server: \(error)"))
                    return
                }
            }
        }
    }

    func callFor(_ streamID: Int32) -> ClientCall? { self.calls[streamID] }

    func resetStream(_ streamID: Int32) {
        self.session?.resetStream(streamID: streamID, errorCode: 8)  // CANCEL
    }

    private func failAll(_ error: RPCError) {
        self.connectionError = error
        for call in self.calls.values where !call.closed {
            call.closed = true
            if !call.sawStatus { call.result.status = error.status }
        }
    }
}
