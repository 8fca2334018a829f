import CRxLinux
import Glibc

/// A non-blocking listening socket registered with one loop; accepted connections stay on it.
///
/// There is one listening socket per server; every loop watches its own duplicate of it with
/// `EPOLLEXCLUSIVE`, so a new connection wakes one loop, which deals accepted connections round-robin to
/// every loop (a burst of connects would otherwise all land on whichever loop woke first). After that
/// one hand-off a connection stays on its loop for life.
/// Not `SO_REUSEPORT`: with it, a second server process started by mistake on the same port (or one
/// that got the port from the ephemeral range) would silently take a share of the connections.
final class Listener: EventHandler {
    let fd: Int32
    let loop: EventLoop
    let environment: ConnectionEnvironment
    private var connections: [ObjectIdentifier: ServerConnection] = [:]
    private var sweepTimer: TimerQueue.Handle? = nil
    /// Every loop's listener, this one included, in loop order: where accepted connections are dealt.
    private var peers: [LoopBound<Listener>] = []
    private var nextPeer = 0
    private var isAccepting = true

    /// Binds `host:port`; returns the listener and the port actually bound (for port 0).
    static func bind(host: String, port: Int, loop: EventLoop, environment: ConnectionEnvironment) throws -> Listener {
        let address = try SocketAddress(host: host, port: port)
        guard let fd = try systemCall("socket", {
            socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }) else { throw SystemError(function: "socket", errno: EAGAIN) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        do {
            _ = try address.withSockAddr { pointer, length in
                try systemCall("bind") { Glibc.bind(fd, pointer, length) }
            }
            _ = try systemCall("listen") { listen(fd, 1024) }
        } catch {
            Glibc.close(fd)
            throw error
        }
        return Listener(fd: fd, loop: loop, environment: environment)
    }

    /// A listener for `loop` on the same socket as `first` (a duplicate descriptor, closed separately).
    static func sharing(_ first: Listener, loop: EventLoop) throws -> Listener {
        guard let fd = try systemCall("dup", { fcntl(first.fd, F_DUPFD_CLOEXEC, 0) }) else {
            throw SystemError(function: "dup", errno: EBADF)
        }
        return Listener(fd: fd, loop: loop, environment: first.environment)
    }

    private init(fd: Int32, loop: EventLoop, environment: ConnectionEnvironment) {
        self.fd = fd
        self.loop = loop
        self.environment = environment
    }

    /// The port the kernel assigned.
    func boundPort() -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(self.fd, $0, &length) }
        }
        return SocketAddress.port(of: storage)
    }

    /// Registers with the loop; must run on the loop thread. `peers` are all the server's listeners.
    func start(peers: [LoopBound<Listener>]) throws {
        self.peers = peers
        self.nextPeer = peers.firstIndex { $0.loop === self.loop } ?? 0
        try self.loop.register(fd: self.fd, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue, handler: self)
        self.scheduleSweep()
    }

    func handleEvent(_ events: UInt32) {
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let accepted: Int32?
            do {
                accepted = try withUnsafeMutablePointer(to: &storage) { pointer in
                    try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                        try systemCall("accept4") {
                            rx_accept4(self.fd, address, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                        }
                    }
                }
            } catch {
                // EMFILE and friends: log and retry on the next readiness event.
                self.environment.logger.warning("accept failed", metadata: ["error": "\(error)"])
                return
            }
            guard let fd = accepted else { return }
            self.deal(fd: fd, peer: SocketAddress.describe(storage))
        }
    }

    private func deal(fd: Int32, peer: String) {
        guard !self.peers.isEmpty else { return self.adopt(fd: fd, peer: peer) }
        let target = self.peers[self.nextPeer % self.peers.count]
        self.nextPeer &+= 1
        if target.loop === self.loop {
            self.adopt(fd: fd, peer: peer)
        } else {
            target.loop.execute { target.value.adopt(fd: fd, peer: peer) }
        }
    }

    private func adopt(fd: Int32, peer: String) {
        guard self.isAccepting else {
            Glibc.close(fd)
            return
        }
        guard self.environment.reserveConnection() else {
            self.environment.logger.warning("connection refused: at max connections", metadata: ["peer": "\(peer)"])
            Glibc.close(fd)
            return
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        do {
            let connection = try ServerConnection(fd: fd, peerAddress: peer, loop: self.loop, environment: self.environment)
            try connection.start()
            self.connections[ObjectIdentifier(connection)] = connection
        } catch {
            self.environment.logger.error("connection setup failed", metadata: ["error": "\(error)"])
            Glibc.close(fd)
            self.environment.releaseConnection()
        }
    }

    /// Once a second: drop closed connections, close idle ones, trim quiet ones.
    private func scheduleSweep() {
        self.sweepTimer = self.loop.scheduleTimer(at: MonotonicTime.now().adding(milliseconds: 1000)) { [weak self] in
            guard let self else { return }
            self.sweep()
            self.scheduleSweep()
        }
    }

    private func sweep() {
        let now = MonotonicTime.now()
        let idleLimit = UInt64(self.environment.configuration.idleTimeoutMilliseconds) * 1_000_000
        var released = 0
        for (key, connection) in self.connections {
            if connection.state == .closed {
                self.connections[key] = nil
            } else if connection.state == .open, !connection.hasOpenCalls,
                now.nanoseconds(since: connection.lastActivity) > idleLimit
            {
                connection.logger.info("closing idle connection")
                connection.beginGoingAway()
                connection.close()
                self.connections[key] = nil
            } else if connection.state == .open, !connection.hasOpenCalls,
                now.nanoseconds(since: connection.lastActivity) > Self.quietNanoseconds
            {
                if connection.releaseIdleMemory() { released += 1 }
            }
        }
        // Freed buffers sit in the middle of malloc's heaps, where they count in RSS until reused;
        // after many connections went quiet, hand those pages back to the kernel.
        if released >= Self.trimAfterReleases { _ = rx_malloc_trim() }
    }

    /// How many connections must have given back their buffers in one sweep to trim the heap.
    static let trimAfterReleases = 32

    /// A connection without calls or traffic for this long gives back its buffers.
    static let quietNanoseconds: UInt64 = 1_000_000_000

    /// Stops accepting and sends GOAWAY on every connection of this loop.
    func beginShutdown() {
        self.isAccepting = false
        self.loop.unregister(fd: self.fd)
        Glibc.close(self.fd)
        for connection in self.connections.values { connection.beginGoingAway() }
    }

    var openCalls: Int { self.connections.values.reduce(0) { $0 + ($1.state == .closed ? 0 : $1.streams.count) } }

    /// Sends GOAWAY to and closes the connections whose peer certificate serial is in `serials`.
    func closeConnections(withCertificateSerials serials: Set<String>) -> Int {
        var closed = 0
        for (key, connection) in self.connections {
            guard connection.state != .closed, let identity = connection.identity,
                serials.contains(identity.certificateSerial)
            else { continue }
            self.environment.logger.warning(
                "connection closed: client certificate revoked",
                metadata: ["facility": "\(identity.facilityCode)", "serial": "\(identity.certificateSerial)"])
            connection.beginGoingAway()
            connection.close()
            self.connections[key] = nil
            closed += 1
        }
        return closed
    }

    /// Closes every connection (after the grace period).
    func closeAll() {
        if let timer = self.sweepTimer { self.loop.cancelTimer(timer) }
        for connection in self.connections.values {
            connection.flush()
            connection.close()
        }
        self.connections.removeAll()
    }
}
