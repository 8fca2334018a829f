import Foundation
import Logging
import RxPrescriptions
import RxTransport
import RxWire
import Testing

/// The development PKI in `Certs/dev`, located from this file's path.
enum DevelopmentPKI {
    /// `<repo>/Certs/dev`; this file is `<repo>/Tests/RxPrescriptionsTests/Support/TestServer.swift`.
    static let directory: String = {
        let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return components.dropLast(4).joined(separator: "/") + "/Certs/dev"
    }()

    static func path(_ file: String) -> String { "\(directory)/\(file)" }
}

/// The role table of docs/prescriptions.md, as RxApp's AccessPolicy declares it.
enum TestAccess {
    static func access(for path: String) -> MethodAccess {
        switch path.split(separator: "/").last.map(String.init) ?? "" {
        case "Get": .roles([.prescriber, .pharmacy, .regulator])
        case "Dispense": .roles([.pharmacy])
        case "AuditVerify": .roles([.regulator])
        default: .roles([.prescriber])
        }
    }
}

/// Serves `service` on a loopback port over mTLS with the development server certificate, runs
/// `body` on a thread of its own (it uses the blocking client) and always shuts down.
func withPrescriptionServer<R: Sendable>(
    _ service: PrescriptionsService, _ body: @escaping @Sendable (_ port: Int) throws -> R
) async throws -> R {
    var router = Router()
    service.register(in: &router, access: TestAccess.access(for:))
    var configuration = ServerConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.ioThreads = 2
    configuration.shutdownGraceMilliseconds = 2_000
    var logger = Logger(label: "test-server")
    logger.logLevel = .critical
    let tls = try TLSContext.server(
        certificateChainFile: DevelopmentPKI.path("server.crt"), privateKeyFile: DevelopmentPKI.path("server.key"),
        clientCAFile: DevelopmentPKI.path("ca.crt"))
    let server = try Server(configuration: configuration, router: router, tls: tls, logger: logger)
    let port = try server.start()
    defer { server.shutdown() }
    return try await onDedicatedThread { try body(port) }
}

/// Runs blocking work on a new thread and suspends (without blocking) until it finishes.
func onDedicatedThread<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A client presenting the development certificate `identity` (e.g. "pharmacy").
func connect(port: Int, as identity: String) throws -> GRPCClientConnection {
    try GRPCClientConnection(
        host: "localhost", port: port,
        tls: try TLSContext.client(
            certificateChainFile: DevelopmentPKI.path("\(identity).crt"),
            privateKeyFile: DevelopmentPKI.path("\(identity).key"), trustedCAFile: DevelopmentPKI.path("ca.crt"),
            serverName: "localhost"))
}

extension GRPCClientConnection {
    /// One typed unary call of `rx.v1.Prescriptions`: the response or the failing status.
    func call<Response: ProtoMessage>(
        _ method: String, _ request: some ProtoMessage, as _: Response.Type = Response.self
    ) throws -> Result<Response, RPCError> {
        let result = try self.unary(path: PrescriptionsService.path(method), request: request.serializedBytes())
        guard result.status.code == .ok else {
            return .failure(RPCError(result.status.code, result.status.message))
        }
        guard let bytes = result.messages.first else { return .failure(RPCError(.internal, "no response message")) }
        return .success(try Response(serializedBytes: bytes))
    }
}
