/// Limits and addresses of the gRPC server, with defaults safe for a public-facing deployment.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 asks the kernel for a free port; `Server.start()` returns the one it got.
    public var port: Int = 50051
    public var ioThreads: Int = 2
    public var maxConnections: Int = 10_000
    /// Connections one facility (certificate CN) may hold open at once.
    public var maxConnectionsPerFacility: Int = 256
    /// Sustained calls per second one facility may make (0 = unlimited); health checks are exempt.
    public var callsPerSecondPerFacility: Int = 2_000
    /// Calls a facility may make in a burst above its sustained rate.
    public var callBurstPerFacility: Int = 4_000
    /// After a facility's connection is closed for abuse (rapid reset), its new connections are refused
    /// for this long (0 = never).
    public var abuseCoolDownMilliseconds: Int = 10_000
    /// Largest request message accepted; bigger ones are refused from their 5-byte prefix.
    public var maxMessageBytes: Int = 4 << 20
    public var handshakeTimeoutMilliseconds: Int = 10_000
    /// A connection with no open call and no traffic for this long is closed with GOAWAY.
    public var idleTimeoutMilliseconds: Int = 300_000
    /// How long shutdown waits for in-flight calls before closing connections anyway.
    public var shutdownGraceMilliseconds: Int = 10_000
    /// Bytes a streaming handler may queue before `send` suspends.
    public var streamSendBufferBytes: Int = 256 << 10
    public var http2 = HTTP2Settings()

    public init() {}
}
