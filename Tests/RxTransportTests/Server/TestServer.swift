import Foundation
import Logging
import RxWire
import Testing

@testable import RxTransport

/// Starts a real server on a free loopback port with `router`, runs `body` on a thread of its own,
/// and always shuts the server down, even when `body` throws.
///
/// `body` uses the blocking client; running it on a dedicated thread keeps it off Swift's
/// cooperative pool, which the server's handlers need (blocking the pool would deadlock them).
func withTestServer<R: Sendable>(
    router: Router, configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: @escaping @Sendable (_ port: Int) throws -> R
) async throws -> R {
    var configuration = ServerConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.ioThreads = 2
    configuration.shutdownGraceMilliseconds = 2_000
    configure(&configuration)
    var logger = Logger(label: "test-server")
    logger.logLevel = .critical
    let server = try Server(
        configuration: configuration, router: router, tls: try DevelopmentPKI.serverContext(), logger: logger)
    let port = try server.start()
    defer { server.shutdown() }
    return try await onDedicatedThread { try body(port) }
}

/// Runs blocking work on a new thread and suspends (without blocking) until it finishes.
func onDedicatedThread<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.start()
    }
}

/// A client connection presenting the development certificate `identity`.
func connect(port: Int, as identity: String? = "hospital-prescriber") throws -> GRPCClientConnection {
    try GRPCClientConnection(
        host: "localhost", port: port, tls: try DevelopmentPKI.clientContext(identity: identity))
}

/// A request whose only field is a string: handy as a generic test payload.
func textMessage(_ text: String) -> [UInt8] {
    var request = HealthCheckRequest()
    request.service = text
    return request.serializedBytes()
}

func text(of result: ClientCallResult, at index: Int = 0) throws -> String {
    guard index < result.messages.count else {
        Issue.record("expected at least \(index + 1) messages, got \(result.messages.count); status \(result.status)")
        return ""
    }
    return try HealthCheckRequest(serializedBytes: result.messages[index]).service
}
