import Foundation
import Logging
import Synchronization

/// The gRPC server: N I/O threads, each an epoll loop watching the one listening socket.
///
/// `start()` binds and returns the port; `shutdown()` stops accepting, sends GOAWAY, waits for
/// in-flight calls up to the grace period, then closes everything and ends the threads.
public final class Server: Sendable {
    private let environment: ConnectionEnvironment
    private let loops: [EventLoop]
    private let listeners = Mutex<[LoopBound<Listener>]>([])
    private let stopped = Mutex<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameter metrics: where the transport counts calls, connections and handshakes for `/metrics`.
    public init(
        configuration: ServerConfiguration, router: Router, tls: TLSContext, logger: Logger,
        metrics: ServerMetrics = ServerMetrics()
    ) throws {
        self.environment = ConnectionEnvironment(
            configuration: configuration, router: router, tls: tls, logger: logger, metrics: metrics)
        self.loops = try (0..<max(1, configuration.ioThreads)).map { try EventLoop(index: $0) }
    }

    /// Connections currently open, across all loops.
    public var openConnections: Int { self.environment.openConnections.load(ordering: .relaxed) }

    /// Binds every loop's listener, starts the I/O threads, and returns the bound port.
    public func start() throws -> Int {
        let configuration = self.environment.configuration
        var bound: [LoopBound<Listener>] = []
        var first: Listener?
        for loop in self.loops {
            let listener: Listener
            if let first {
                listener = try Listener.sharing(first, loop: loop)
            } else {
                listener = try Listener.bind(
                    host: configuration.host, port: configuration.port, loop: loop, environment: self.environment)
                first = listener
            }
            bound.append(LoopBound(listener, loop: loop))
        }
        let port = first?.boundPort() ?? configuration.port
        self.listeners.withLock { $0 = bound }
        let peers = bound
        let started = DispatchGroup()
        for (index, loop) in self.loops.enumerated() {
            let listener = bound[index]
            started.enter()
            let thread = Thread {
                // Named from inside: Foundation only names the OS thread (top -H, perf) when the thread itself sets it.
                Thread.current.name = "rx-io-\(index)"
                loop.execute {
                    do {
                        try listener.value.start(peers: peers)
                    } catch {
                        listener.value.environment.logger.error("listener failed", metadata: ["error": "\(error)"])
                    }
                    started.leave()
                }
                loop.run()
            }
            thread.start()
        }
        started.wait()
        return port
    }

    /// Graceful stop; returns once every loop has ended. Safe to call more than once.
    public func shutdown() {
        let alreadyStopped = self.stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else {
            self.finished.wait()
            self.finished.signal()
            return
        }
        self.environment.draining.store(true, ordering: .relaxed)
        let listeners = self.listeners.withLock { $0 }
        self.onEveryLoop(listeners) { $0.beginShutdown() }
        let grace = MonotonicTime.now().adding(milliseconds: self.environment.configuration.shutdownGraceMilliseconds)
        while MonotonicTime.now() < grace {
            let open = Atomic<Int>(0)
            self.onEveryLoop(listeners) { open.add($0.openCalls, ordering: .relaxed) }
            if open.load(ordering: .relaxed) == 0 { break }
            usleep(20_000)
        }
        self.onEveryLoop(listeners) { $0.closeAll() }
        for loop in self.loops { loop.stop() }
        self.finished.signal()
    }

    /// Closes, on every loop, the open connections whose client certificate serial is in `serials`
    /// (after a CRL reload: a revoked facility must not keep its live connections). Each gets a GOAWAY
    /// and is closed at once; calls in flight on it are abandoned. Returns how many were closed.
    @discardableResult
    public func closeConnections(withCertificateSerials serials: Set<String>) -> Int {
        guard !serials.isEmpty else { return 0 }
        let listeners = self.listeners.withLock { $0 }
        let closed = Atomic<Int>(0)
        self.onEveryLoop(listeners) { closed.add($0.closeConnections(withCertificateSerials: serials), ordering: .relaxed) }
        return closed.load(ordering: .relaxed)
    }

    /// Runs `body` on each listener's loop and waits for all of them.
    private func onEveryLoop(_ listeners: [LoopBound<Listener>], _ body: @escaping @Sendable (Listener) -> Void) {
        let group = DispatchGroup()
        for listener in listeners {
            group.enter()
            listener.loop.execute {
                body(listener.value)
                group.leave()
            }
        }
        group.wait()
    }
}
