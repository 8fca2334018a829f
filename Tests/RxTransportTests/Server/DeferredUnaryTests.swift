import Foundation
import RxWire
import Testing

@testable import RxTransport

/// Unary calls answered later, from another thread, through `UnaryReply`.
@Suite("Deferred unary calls")
struct DeferredUnaryTests {
    static let router: Router = {
        var router = Router()
        router.registerDeferred("/test.Deferred/Later", access: .anyFacility) {
            (request: HealthCheckRequest, _, reply: UnaryReply<HealthCheckRequest>) in
            let thread = Thread {
                usleep(20_000)
                var response = HealthCheckRequest()
                response.service = "later: " + request.service
                reply(.success(response))
                reply(.failure(RPCError(.internal, "a second answer must be ignored")))
            }
            thread.start()
        }
        router.registerDeferred("/test.Deferred/Refuse", access: .anyFacility) {
            (_: HealthCheckRequest, _, reply: UnaryReply<HealthCheckRequest>) in
            DispatchQueue.global().async { reply(.failure(RPCError(.notFound, "không tìm thấy đơn thuốc"))) }
        }
        router.registerDeferred("/test.Deferred/Never", access: .anyFacility) {
            (_: HealthCheckRequest, _, _: UnaryReply<HealthCheckRequest>) in
        }
        router.registerDeferred("/test.Deferred/PrescriberOnly", access: .roles([.prescriber])) {
            (request: HealthCheckRequest, _, reply: UnaryReply<HealthCheckRequest>) in reply(.success(request))
        }
        return router
    }()

    @Test("an answer given later from another thread reaches the client; a second answer is ignored")
    func answeredLater() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            for index in 0..<20 {
                let result = try client.unary(path: "/test.Deferred/Later", request: textMessage("\(index)"))
                #expect(result.status == .ok)
                #expect(try text(of: result) == "later: \(index)")
            }
        }
    }

    @Test("errors, undecodable requests, roles and deadlines behave as for other unary calls")
    func failures() async throws {
        try await withTestServer(router: Self.router) { port in
            let client = try connect(port: port)
            let refused = try client.unary(path: "/test.Deferred/Refuse", request: textMessage("x"))
            #expect(refused.status.code == .notFound)
            #expect(refused.status.message == "không tìm thấy đơn thuốc")
            let garbage = try client.unary(path: "/test.Deferred/Later", request: [0xFF, 0xFF, 0xFF])
            #expect(garbage.status.code == .invalidArgument)
            let pharmacy = try connect(port: port, as: "pharmacy")
            let denied = try pharmacy.unary(path: "/test.Deferred/PrescriberOnly", request: textMessage("x"))
            #expect(denied.status.code == .permissionDenied)
            let never = try client.unary(
                path: "/test.Deferred/Never", request: textMessage("x"), timeout: GRPCTimeout(nanoseconds: 200_000_000))
            #expect(never.status.code == .deadlineExceeded)
            let after = try client.unary(path: "/test.Deferred/Later", request: textMessage("still"))
            #expect(try text(of: after) == "later: still")
        }
    }
}
