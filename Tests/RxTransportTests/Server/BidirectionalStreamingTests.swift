import Foundation
import RxWire
import Testing

@testable import RxTransport

/// Bidirectional-streaming calls: dispatched at HEADERS time, request messages delivered as they
/// arrive, the request sequence ending at the client's half-close.
@Suite("Bidirectional streaming")
struct BidirectionalStreamingTests {
    static let router: Router = {
        var router = Router()
        router.registerBidirectionalStreaming("/test.Chat/Echo", access: .anyFacility) {
            (requests: ServerRequestStream<HealthCheckRequest>, responses: ServerStreamWriter<HealthCheckRequest>, context) in
            var count = 0
            for try await request in requests {
                count += 1
                try await responses.send(HealthCheckRequest(service: "echo \(request.service) to \(context.identity.facilityCode)"))
            }
            try await responses.send(HealthCheckRequest(service: "end after \(count)"))
        }
        router.registerBidirectionalStreaming("/test.Chat/Refuse", access: .roles([.regulator])) {
            (_: ServerRequestStream<HealthCheckRequest>, _: ServerStreamWriter<HealthCheckRequest>, _) in
            Issue.record("handler ran for a caller without the role")
        }
        router.registerBidirectionalStreaming("/test.Chat/Fail", access: .anyFacility) {
            (requests: ServerRequestStream<HealthCheckRequest>, _: ServerStreamWriter<HealthCheckRequest>, _) in
            for try await _ in requests {}
            throw RPCError(.notFound, "không có")
        }
        return router
    }()

    @Test("each request is answered, then the handler sees the end of the requests and finishes with OK")
    func echo() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            let result = try client.unary(path: "/test.Chat/Echo", request: textMessage("xin chào"))
            #expect(result.status == .ok)
            #expect(result.messages.count == 2)
            #expect(try text(of: result, at: 0) == "echo xin chào to 79088")
            #expect(try text(of: result, at: 1) == "end after 1")
        }
    }

    @Test("role checks and handler errors apply as for other calls; a malformed request fails the call")
    func failures() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            let refused = try client.unary(path: "/test.Chat/Refuse", request: textMessage("x"))
            #expect(refused.status.code == .permissionDenied)
            let failed = try client.unary(path: "/test.Chat/Fail", request: textMessage("x"))
            #expect(failed.status.code == .notFound)
            #expect(failed.status.message == "không có")
            let malformed = try client.unary(path: "/test.Chat/Echo", request: [0x0A, 0x05, 0x61])
            #expect(malformed.status.code == .invalidArgument)
        }
    }
}
