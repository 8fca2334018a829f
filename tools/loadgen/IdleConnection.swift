import Glibc
import RxTransport

/// One mTLS connection opened for `--idle-connections`: TCP connect, TLS handshake (optionally
/// resuming an earlier session), the HTTP/2 client preface and the SETTINGS exchange, then nothing —
/// it is held open until `close()`. Written over the TLS wrapper directly (not `GRPCClientConnection`)
/// so that it can offer a session for resumption and stay as small as possible on the client side.
///
/// `@unchecked Sendable`: a connection is opened on one thread and only handed to the main thread
/// (to be held and closed) after that thread has finished with it; it is never used concurrently.
final class IdleConnection: @unchecked Sendable {
    private let fd: Int32
    private let tls: TLSConnection
    private var ciphertext: [UInt8] = []
    private var plaintext: [UInt8] = []

    /// Whether the server accepted the offered session (abbreviated handshake).
    var resumed: Bool { self.tls.sessionReused }

    /// The session to offer on a later connection (available once the server's ticket was read).
    var session: TLSSession? { self.tls.session }

    init(host: String, port: Int, context: TLSContext, resuming session: TLSSession?) throws {
        self.fd = try Self.connect(host: host, port: port)
        do {
            self.tls = try TLSConnection(context: context, resuming: session)
            try self.handshake()
            try self.exchangeSettings()
        } catch {
            Glibc.close(self.fd)
            throw error
        }
    }

    deinit {
        Glibc.close(self.fd)
    }

    private static func connect(host: String, port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
            throw FixtureError("cannot resolve \(host)")
        }
        defer { freeaddrinfo(results) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var lastErrno: Int32 = ECONNREFUSED
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                lastErrno = errno
                continue
            }
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                var timeout = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return fd
            }
            lastErrno = errno
            Glibc.close(fd)
        }
        throw FixtureError("connect(\(host):\(port)): \(String(cString: strerror(lastErrno)))")
    }

    private func handshake() throws {
        while true {
            let progress = self.tls.handshake()
            try self.flush()
            switch progress {
            case .complete: return
            case .failed(let error): throw FixtureError("TLS handshake failed: \(error)")
            case .needsMoreData: try self.receive()
            }
        }
    }

    /// Sends the client preface and an empty SETTINGS frame, reads until the server's SETTINGS frame
    /// has arrived (TLS 1.3 session tickets arrive on the way), and acknowledges it.
    private func exchangeSettings() throws {
        let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
        let emptySettings: [UInt8] = [0, 0, 0, 0x4, 0, 0, 0, 0, 0]
        try self.tls.writePlaintext(preface + emptySettings)
        try self.flush()
        while true {
            switch self.tls.readPlaintext(into: &self.plaintext) {
            case .ok, .wouldBlock: break
            case .closed: throw FixtureError("server closed the connection before its SETTINGS")
            case .failed(let error): throw FixtureError("TLS read failed: \(error)")
            }
            if self.serverSettingsReceived() { break }
            try self.receive()
        }
        let settingsAck: [UInt8] = [0, 0, 0, 0x4, 0x1, 0, 0, 0, 0]
        try self.tls.writePlaintext(settingsAck)
        try self.flush()
        self.plaintext = []
    }

    /// Whether a non-ACK SETTINGS frame is among the complete frames received so far.
    private func serverSettingsReceived() -> Bool {
        var offset = 0
        while self.plaintext.count - offset >= 9 {
            let length = Int(self.plaintext[offset]) << 16 | Int(self.plaintext[offset + 1]) << 8
                | Int(self.plaintext[offset + 2])
            if self.plaintext[offset + 3] == 0x4, self.plaintext[offset + 4] & 0x1 == 0 { return true }
            offset += 9 + length
        }
        return false
    }

    private func flush() throws {
        self.ciphertext.removeAll(keepingCapacity: true)
        self.tls.takePendingCiphertext(into: &self.ciphertext)
        var offset = 0
        while offset < self.ciphertext.count {
            let written = self.ciphertext[offset...].withUnsafeBytes { Glibc.write(self.fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw FixtureError("write failed: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    private func receive() throws {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(self.fd, $0.baseAddress, $0.count) }
        guard count > 0 else {
            throw FixtureError(count == 0 ? "server closed the connection" : "read failed: \(String(cString: strerror(errno)))")
        }
        buffer.withUnsafeBytes { self.tls.receiveCiphertext(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
}
