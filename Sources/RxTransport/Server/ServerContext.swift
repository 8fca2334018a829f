import Logging

/// Everything a handler may know about the call besides its request message.
public struct ServerContext: Sendable {
    /// The full method path, `/package.Service/Method`.
    public var method: String
    /// The calling facility, verified by mutual TLS and parsed once per connection.
    public var identity: FacilityIdentity
    public var metadata: Metadata
    /// When the client gives up (`grpc-timeout`); long handlers should check it between steps.
    public var deadline: MonotonicTime?
    public var logger: Logger

    public init(
        method: String, identity: FacilityIdentity, metadata: Metadata = Metadata(),
        deadline: MonotonicTime? = nil, logger: Logger
    ) {
        self.method = method
        self.identity = identity
        self.metadata = metadata
        self.deadline = deadline
        self.logger = logger
    }

    /// Throws `DEADLINE_EXCEEDED` if the deadline has passed: a cheap check between steps.
    public func checkDeadline() throws(RPCError) {
        if let deadline = self.deadline, MonotonicTime.now() >= deadline {
            throw RPCError(.deadlineExceeded, "deadline exceeded")
        }
    }
}
