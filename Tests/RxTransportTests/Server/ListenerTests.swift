import Foundation
import Logging
import RxWire
import Testing

@testable import RxTransport

@Suite("Listening socket")
struct ListenerTests {
    private static func server(port: Int) throws -> Server {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = port
        configuration.ioThreads = 2
        configuration.shutdownGraceMilliseconds = 500
        var logger = Logger(label: "listener-test")
        logger.logLevel = .critical
        var router = Router()
        router.registerInline("/test.Echo/Inline", access: .anyFacility) { (request: HealthCheckRequest, _) in request }
        return try Server(configuration: configuration, router: router, tls: try DevelopmentPKI.serverContext(), logger: logger)
    }

    @Test("a second server on a port already served is refused instead of silently sharing its connections")
    func secondServerRefused() async throws {
        let first = try Self.server(port: 0)
        let port = try first.start()
        defer { first.shutdown() }
        let second = try Self.server(port: port)
        #expect(throws: (any Error).self) { _ = try second.start() }
        second.shutdown()
        // Every loop of the first server still accepts: several connections all get answers.
        let answers = try await onDedicatedThread { () -> [String] in
            try (0..<6).map { index in
                let client = try connect(port: port)
                defer { client.close() }
                let result = try client.unary(path: "/test.Echo/Inline", request: textMessage("call \(index)"))
                return try text(of: result)
            }
        }
        #expect(answers == (0..<6).map { "call \($0)" })
    }
}
