import Foundation
import RxWire
import Synchronization
import Testing

@testable import RxTransport

/// The real server over loopback mTLS + HTTP/2, driven by the project's own client.
@Suite("Server over mTLS HTTP/2")
struct ServerIntegrationTests {
    /// Routes used by these tests: echo, metadata echo, slow, streaming, failing.
    static let router: Router = {
        var router = Router()
        router.registerInline("/test.Echo/Inline", access: .anyFacility) { (request: HealthCheckRequest, _) in request }
        router.registerUnary("/test.Echo/Pooled", access: .roles([.prescriber])) { (request: HealthCheckRequest, _) in
            request
        }
        router.registerUnary("/test.Echo/Metadata", access: .anyFacility) { (_: HealthCheckRequest, context) in
            var response = HealthCheckRequest()
            let binary = context.metadata.binary("x-trace-bin").map { $0.map(String.init).joined(separator: ",") } ?? "-"
            response.service = "\(context.metadata.text("x-request-id") ?? "-")|\(binary)|\(context.identity.facilityCode)"
            return response
        }
        router.registerUnary("/test.Echo/Slow", access: .anyFacility) { (request: HealthCheckRequest, _) in
            try await Task.sleep(nanoseconds: 2_000_000_000)
            return request
        }
        router.registerUnary("/test.Echo/Fail", access: .anyFacility) { (_: HealthCheckRequest, _) -> HealthCheckRequest in
            throw RPCError(.failedPrecondition, "đơn thuốc đã hết hạn")
        }
        router.registerUnary("/test.Echo/Crash", access: .anyFacility) { (_: HealthCheckRequest, _) -> HealthCheckRequest in
            struct Secret: Error {}
            throw Secret()
        }
        router.registerServerStreaming("/test.Echo/Stream", access: .anyFacility) {
            (request: HealthCheckRequest, writer: ServerStreamWriter<HealthCheckRequest>, _) in
            let count = Int(request.service) ?? 0
            for index in 0..<count {
                var message = HealthCheckRequest()
                message.service = "\(index)"
                try await writer.send(message)
            }
        }
        return router
    }()

    @Test("unary calls answer inline and on the task pool")
    func unary() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            for path in ["/test.Echo/Inline", "/test.Echo/Pooled"] {
                let result = try client.unary(path: path, request: textMessage("xin chào"))
                #expect(result.status == .ok, "\(path)")
                #expect(result.httpStatus == 200)
                #expect(try text(of: result) == "xin chào")
            }
            #expect(client.tlsVersion == "TLSv1.3")
        }
    }

    @Test("custom text and -bin metadata and the caller's identity reach the handler")
    func metadata() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            let result = try client.unary(
                path: "/test.Echo/Metadata", request: textMessage(""),
                metadata: [("x-request-id", "abc-123"), ("x-trace-bin", Base64.encode([1, 2, 255]))])
            #expect(try text(of: result) == "abc-123|1,2,255|79088")
        }
    }

    @Test("errors: handler status with Vietnamese message, unknown method, role, internal error")
    func errors() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            let failed = try client.unary(path: "/test.Echo/Fail", request: textMessage(""))
            #expect(failed.status == GRPCStatus(code: .failedPrecondition, message: "đơn thuốc đã hết hạn"))
            #expect(failed.messages.isEmpty)
            let unknown = try client.unary(path: "/test.Echo/Missing", request: textMessage(""))
            #expect(unknown.status.code == .unimplemented)
            let crashed = try client.unary(path: "/test.Echo/Crash", request: textMessage(""))
            #expect(crashed.status == GRPCStatus(code: .internal, message: "internal server error"))
            let pharmacy = try connect(port: port, as: "pharmacy")
            let denied = try pharmacy.unary(path: "/test.Echo/Pooled", request: textMessage(""))
            #expect(denied.status.code == .permissionDenied)
            let malformed = try client.unary(path: "/test.Echo/Inline", request: [0x0A, 0xFF])
            #expect(malformed.status.code == .invalidArgument)
            // The connection survives all of it.
            #expect(try client.unary(path: "/test.Echo/Inline", request: textMessage("ok")).status == .ok)
        }
    }

    @Test("grpc-timeout is enforced by the server")
    func deadline() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            let started = MonotonicTime.now()
            let result = try client.unary(
                path: "/test.Echo/Slow", request: textMessage(""), timeout: GRPCTimeout(nanoseconds: 100_000_000))
            let elapsed = MonotonicTime.now().nanoseconds(since: started)
            #expect(result.status.code == .deadlineExceeded)
            #expect(elapsed < 1_500_000_000, "answered after \(elapsed / 1_000_000) ms; the handler sleeps 2000 ms")
        }
    }

    @Test("an oversized request is refused from its prefix and the connection keeps working")
    func oversized() async throws {
        try await withTestServer(router: Self.router, configure: { $0.maxMessageBytes = 64 * 1024 }) { port in
            let client = try connect(port: port)
            let big = textMessage(String(repeating: "x", count: 200 * 1024))
            let refused = try client.unary(path: "/test.Echo/Inline", request: big)
            #expect(refused.status.code == .resourceExhausted)
            #expect(try client.unary(path: "/test.Echo/Inline", request: textMessage("after")).status == .ok)
        }
    }

    @Test("server streaming delivers every message in order, beyond the send buffer")
    func streaming() async throws {
        try await withTestServer(router: Self.router, configure: { $0.streamSendBufferBytes = 64 }) { port in
            let client = try connect(port: port)
            var received: [String] = []
            let id = try client.start(path: "/test.Echo/Stream", request: textMessage("500")) { bytes in
                received.append((try? HealthCheckRequest(serializedBytes: bytes).service) ?? "?")
            }
            let result = try client.wait(for: [id])[0]
            #expect(result.status == .ok)
            #expect(received == (0..<500).map(String.init))
        }
    }

    @Test("many concurrent calls on one connection all complete")
    func concurrency() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            let ids = try (0..<200).map { index in
                try client.start(path: index % 2 == 0 ? "/test.Echo/Inline" : "/test.Echo/Pooled", request: textMessage("\(index)"))
            }
            let results = try client.wait(for: ids)
            #expect(results.allSatisfy { $0.status == .ok })
            #expect(try results.enumerated().allSatisfy { try text(of: $1) == "\($0)" })
        }
    }

    @Test("certificates the facility CA did not issue, expired ones and missing ones are refused")
    func refusedCertificates() async throws {
        try await withTestServer(router: Self.router) { port in
            for identity in ["foreign", "expired", nil] as [String?] {
                #expect(throws: RPCError.self, "\(identity ?? "no certificate")") {
                    let client = try connect(port: port, as: identity)
                    // With TLS 1.3 the refusal may arrive after the client's handshake completes.
                    let result = try client.unary(path: "/test.Echo/Inline", request: textMessage(""))
                    if result.status.code == .unavailable { throw RPCError(.unavailable, result.status.message) }
                }
            }
        }
    }

    @Test("a facility over its call rate gets RESOURCE_EXHAUSTED; health checks and other facilities do not")
    func callRate() async throws {
        var router = Self.router
        router.registerInline("/grpc.health.v1.Health/Check", access: .anyFacility) { (request: HealthCheckRequest, _) in
            request
        }
        try await withTestServer(
            router: router,
            configure: {
                $0.callsPerSecondPerFacility = 1
                $0.callBurstPerFacility = 3
            }
        ) { port in
            let hospital = try connect(port: port)
            let codes = try (0..<5).map { _ in try hospital.unary(path: "/test.Echo/Pooled", request: textMessage("")).status.code }
            #expect(codes.prefix(3).allSatisfy { $0 == .ok })
            #expect(codes.last == .resourceExhausted)
            #expect(try hospital.unary(path: "/grpc.health.v1.Health/Check", request: textMessage("")).status == .ok)
            let clinic = try connect(port: port, as: "clinic-prescriber")
            #expect(try clinic.unary(path: "/test.Echo/Pooled", request: textMessage("")).status == .ok)
        }
    }

    @Test("a facility at its connection limit is refused; others still connect")
    func connectionsPerFacility() async throws {
        try await withTestServer(router: Self.router, configure: { $0.maxConnectionsPerFacility = 1 }) { port in
            let first = try connect(port: port)
            #expect(try first.unary(path: "/test.Echo/Inline", request: textMessage("")).status == .ok)
            let second = try? connect(port: port)
            let refused = try second.map { try $0.unary(path: "/test.Echo/Inline", request: textMessage("")).status.code }
            #expect(refused == nil || refused == .unavailable)
            let other = try connect(port: port, as: "pharmacy")
            #expect(try other.unary(path: "/test.Echo/Inline", request: textMessage("")).status == .ok)
            #expect(try first.unary(path: "/test.Echo/Inline", request: textMessage("")).status == .ok)
        }
    }

    @Test("shutdown waits for an in-flight call and answers it")
    func gracefulShutdown() async throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.ioThreads = 1
        let server = try Server(
            configuration: configuration, router: Self.router, tls: try DevelopmentPKI.serverContext(),
            logger: .init(label: "test"))
        let port = try server.start()
        let result = try await onDedicatedThread { () throws -> ClientCallResult in
            let client = try connect(port: port)
            let id = try client.start(path: "/test.Echo/Slow", request: textMessage("late"))
            _ = try client.wait(for: [], timeoutMilliseconds: 100)  // sends the request
            let stopper = Thread {
                usleep(200_000)
                server.shutdown()
            }
            stopper.start()
            return try client.wait(for: [id], timeoutMilliseconds: 10_000)[0]
        }
        #expect(result.status == .ok)
        #expect(try text(of: result) == "late")
    }
}
