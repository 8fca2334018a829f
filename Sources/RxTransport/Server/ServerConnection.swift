import CRxLinux
import Glibc
import Logging

/// One accepted TCP connection: TLS over memory BIOs, then one nghttp2 server session.
///
/// Owned by one loop from accept to close; nothing here is locked. Bytes flow
/// socket → TLS → nghttp2 → streams, and back through `flush()`, which gathers every frame ready
/// in this loop iteration into one TLS write and one `write(2)`.
final class ServerConnection: EventHandler {
    enum State {
        case handshaking
        case open
        case closed
    }

    let fd: Int32
    let loop: EventLoop
    let environment: ConnectionEnvironment
    let peerAddress: String
    private(set) var state: State = .handshaking
    let tls: TLSConnection
    var session: HTTP2Session? = nil
    var identity: FacilityIdentity? = nil
    var streams: [Int32: ServerStream] = [:]
    var logger: Logger

    private var plaintextIn: [UInt8] = []
    private var plaintextOut: [UInt8] = []
    private var ciphertextOut: [UInt8] = []
    private var ciphertextOffset = 0
    private var writeInterest = false
    private var flushScheduled = false
    private var handshakeTimer: TimerQueue.Handle? = nil
    /// Armed after the TLS handshake until the client's HTTP/2 preface and SETTINGS arrive, so a
    /// slow-loris preface is dropped at the handshake timeout rather than the idle timeout.
    var prefaceTimer: TimerQueue.Handle? = nil
    var lastActivity: MonotonicTime
    var goingAway = false
    /// Client stream resets allowed: a burst of 200, then 50 a second.
    var resetBudget = TokenBucket(capacity: 200, perSecond: 50)
    /// Close once the pending output (a GOAWAY) has been written.
    var closeAfterFlush = false
    /// Set once ``releaseIdleMemory()`` has run; cleared by the next bytes from the peer.
    private var idleMemoryReleased = false

    /// Unsent ciphertext above which we stop pulling frames from nghttp2 until the socket drains.
    private static let outputHighWater = 1 << 20

    init(fd: Int32, peerAddress: String, loop: EventLoop, environment: ConnectionEnvironment) throws {
        self.fd = fd
        self.loop = loop
        self.environment = environment
        self.peerAddress = peerAddress
        self.tls = try TLSConnection(context: environment.tls)
        self.lastActivity = .now()
        var logger = environment.logger
        logger[metadataKey: "peer"] = "\(peerAddress)"
        self.logger = logger
    }

    func start() throws {
        try self.loop.register(fd: self.fd, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue, handler: self)
        let deadline = MonotonicTime.now().adding(milliseconds: self.environment.configuration.handshakeTimeoutMilliseconds)
        self.handshakeTimer = self.loop.scheduleTimer(at: deadline) { [weak self] in
            guard let self, self.state == .handshaking else { return }
            self.environment.metrics.handshakesFailed.add(1, ordering: .relaxed)
            self.logger.warning("tls handshake timed out")
            self.close()
        }
    }

    // MARK: Events

    func handleEvent(_ events: UInt32) {
        if events & EPOLLOUT.rawValue != 0 {
            self.writeToSocket()
            self.flush()
        }
        if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
            self.readFromSocket()
        }
    }

    private func readFromSocket() {
        guard self.state != .closed else { return }
        let buffer = self.loop.readBuffer
        let count: Int?
        do {
            count = try systemCall("read") { read(self.fd, buffer.baseAddress, buffer.count) }
        } catch {
            self.logger.debug("connection read failed", metadata: ["error": "\(error)"])
            self.close()
            return
        }
        guard let count else { return }
        if count == 0 {
            self.close()
            return
        }
        self.lastActivity = .now()
        self.idleMemoryReleased = false
        self.tls.receiveCiphertext(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        if self.state == .handshaking {
            self.continueHandshake()
            guard self.state == .open else { return }
        }
        self.readPlaintext()
    }

    private func continueHandshake() {
        switch self.tls.handshake() {
        case .needsMoreData:
            self.flushCiphertext()
        case .failed(let error):
            self.flushCiphertext()
            self.environment.metrics.handshakesFailed.add(1, ordering: .relaxed)
            self.logger.warning("tls handshake failed", metadata: ["error": "\(error)"])
            self.close()
        case .complete:
            self.handshakeCompleted()
        }
    }

    private func handshakeCompleted() {
        if let timer = self.handshakeTimer { self.loop.cancelTimer(timer) }
        self.handshakeTimer = nil
        self.environment.metrics.handshakesCompleted.add(1, ordering: .relaxed)
        do {
            guard let certificate = self.tls.peerCertificate() else {
                throw IdentityError.missingFacilityCode
            }
            let identity = try certificate.facilityIdentity()
            self.logger[metadataKey: "facility"] = "\(identity.facilityCode)"
            switch self.environment.facilities.openConnection(facility: identity.facilityCode) {
            case .admitted:
                break
            case .atConnectionLimit:
                self.logger.warning(
                    "connection refused: facility at its connection limit",
                    metadata: ["limit": .stringConvertible(self.environment.facilities.maxConnections)])
                return self.refuseAfterHandshake()
            case .coolingDown(let remaining):
                self.logger.warning(
                    "connection refused: facility cooling down after abuse",
                    metadata: ["remaining_ms": .stringConvertible(remaining)])
                return self.refuseAfterHandshake()
            }
            self.identity = identity
            self.session = try HTTP2Session(serverWith: self.environment.configuration.http2, delegate: self)
            self.state = .open
            let deadline = MonotonicTime.now().adding(milliseconds: self.environment.configuration.handshakeTimeoutMilliseconds)
            self.prefaceTimer = self.loop.scheduleTimer(at: deadline) { [weak self] in
                guard let self, self.state == .open, self.prefaceTimer != nil else { return }
                self.prefaceTimer = nil
                self.logger.warning("closing connection: no HTTP/2 preface within the handshake timeout")
                self.close()
            }
            if self.environment.draining.load(ordering: .relaxed) { self.beginGoingAway() }
            self.flush()
        } catch {
            self.logger.warning("connection refused after handshake", metadata: ["error": "\(error)"])
            self.close()
        }
    }

    /// Gives back buffer capacity a quiet connection holds (kept while busy, to avoid reallocating on
    /// every read): an idle connection then costs the TLS and HTTP/2 state only, which matters with
    /// thousands of pharmacies holding connections open all day.
    /// - Returns: whether anything was released (false when already done since the last traffic).
    @discardableResult
    func releaseIdleMemory() -> Bool {
        guard !self.idleMemoryReleased, self.state == .open, self.ciphertextOffset == self.ciphertextOut.count else {
            return false
        }
        self.plaintextIn = []
        self.plaintextOut = []
        self.ciphertextOut = []
        self.ciphertextOffset = 0
        self.tls.releaseIdleMemory()
        self.idleMemoryReleased = true
        return true
    }

    private func refuseAfterHandshake() {
        self.tls.shutdown()
        self.flushCiphertext()
        self.close()
    }

    private func readPlaintext() {
        guard let session = self.session else { return }
        while self.state == .open {
            self.plaintextIn.removeAll(keepingCapacity: true)
            switch self.tls.readPlaintext(into: &self.plaintextIn) {
            case .wouldBlock:
                self.scheduleFlush()
                return
            case .closed:
                self.close()
                return
            case .failed(let error):
                self.logger.warning("tls read failed", metadata: ["error": "\(error)"])
                self.close()
                return
            case .ok:
                do {
                    try self.plaintextIn.withUnsafeBytes { bytes in try session.receive(bytes) }
                } catch {
                    self.logger.warning("http/2 protocol error, closing", metadata: ["error": "\(error)"])
                    self.flush()
                    self.close()
                    return
                }
            }
        }
    }

    // MARK: Output

    /// Coalesces output: many responses finishing in one loop iteration leave in one write.
    func scheduleFlush() {
        guard !self.flushScheduled, self.state != .closed else { return }
        self.flushScheduled = true
        self.loop.runAfterIteration { [weak self] in
            guard let self else { return }
            self.flushScheduled = false
            self.flush()
        }
    }

    func flush() {
        guard self.state == .open, let session = self.session else { return }
        // Pull frames until nghttp2 has nothing more, or the socket pushes back (then EPOLLOUT
        // resumes us). Each round is one SSL_write and one write(2) for up to outputHighWater.
        while self.state == .open, session.wantsWrite, self.ciphertextOffset == self.ciphertextOut.count {
            self.plaintextOut.removeAll(keepingCapacity: true)
            do {
                try session.send(into: &self.plaintextOut, limit: Self.outputHighWater)
                guard !self.plaintextOut.isEmpty else { break }
                try self.plaintextOut.withUnsafeBytes { bytes in try self.tls.writePlaintext(bytes) }
            } catch {
                self.logger.warning("sending failed, closing", metadata: ["error": "\(error)"])
                self.close()
                return
            }
            self.flushCiphertext()
        }
        self.flushCiphertext()
        let drained = self.ciphertextOffset == self.ciphertextOut.count
        if self.state == .open, drained, self.closeAfterFlush || (!session.wantsRead && !session.wantsWrite) {
            self.close()
        }
    }

    private func flushCiphertext() {
        self.tls.takePendingCiphertext(into: &self.ciphertextOut)
        self.writeToSocket()
    }

    private func writeToSocket() {
        while self.ciphertextOffset < self.ciphertextOut.count {
            let written: Int?
            do {
                written = try self.ciphertextOut.withUnsafeBytes { bytes in
                    let unsent = UnsafeRawBufferPointer(rebasing: bytes[self.ciphertextOffset...])
                    return try systemCall("write") { write(self.fd, unsent.baseAddress, unsent.count) }
                }
            } catch {
                self.logger.debug("connection write failed", metadata: ["error": "\(error)"])
                self.close()
                return
            }
            guard let written else {
                self.setWriteInterest(true)
                return
            }
            self.ciphertextOffset += written
        }
        self.ciphertextOut.removeAll(keepingCapacity: self.ciphertextOut.capacity <= 4 << 20)
        self.ciphertextOffset = 0
        self.setWriteInterest(false)
    }

    private func setWriteInterest(_ wanted: Bool) {
        guard wanted != self.writeInterest, self.state != .closed else { return }
        self.writeInterest = wanted
        let base = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
        self.loop.modify(fd: self.fd, events: wanted ? base | EPOLLOUT.rawValue : base)
    }

    // MARK: Lifecycle

    /// Sends GOAWAY: no new calls; the connection closes once its calls have finished.
    func beginGoingAway() {
        guard !self.goingAway, let session = self.session else { return }
        self.goingAway = true
        session.goAway()
        self.flush()
    }

    var hasOpenCalls: Bool { !self.streams.isEmpty }

    func close() {
        guard self.state != .closed else { return }
        self.state = .closed
        if let timer = self.handshakeTimer { self.loop.cancelTimer(timer) }
        if let timer = self.prefaceTimer { self.loop.cancelTimer(timer) }
        for stream in self.streams.values { self.abandon(stream) }
        self.environment.metrics.inFlightStreams.subtract(self.streams.count, ordering: .relaxed)
        self.streams.removeAll()
        self.loop.unregister(fd: self.fd)
        Glibc.close(self.fd)
        self.environment.releaseConnection()
        if let identity = self.identity {
            self.environment.facilities.closeConnection(facility: identity.facilityCode)
        }
        // The nghttp2 session stays alive until the connection is released: close() may run
        // inside one of its callbacks.
    }
}
