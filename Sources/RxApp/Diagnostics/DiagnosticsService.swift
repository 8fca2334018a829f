import RxTransport
import RxWire

/// `rx.v1.Diagnostics`: echoes a message back, optionally after a delay or many times.
///
/// Off unless `--enable-diagnostics` is given: it lets an operator measure round trips and lets
/// the test suite exercise deadlines, large messages and streaming against a real server, but a
/// production server has no reason to let facilities park calls on it.
public struct DiagnosticsService: Sendable {
    /// Upper bounds so a diagnostic call can never hold the server for long.
    public static let maximumDelayMilliseconds: UInt32 = 30_000
    public static let maximumRepeat: UInt32 = 10_000

    public init() {}

    public func register(in router: inout Router) {
        router.registerUnary("/rx.v1.Diagnostics/Echo", access: AccessPolicy.access(for: "/rx.v1.Diagnostics/Echo")) {
            (request: EchoRequest, context) in
            try Self.validate(request)
            if request.delayMs > 0 {
                try await Task.sleep(nanoseconds: UInt64(request.delayMs) * 1_000_000)
            }
            try context.checkDeadline()
            var response = EchoResponse()
            response.sample = request.sample
            return response
        }
        router.registerServerStreaming(
            "/rx.v1.Diagnostics/EchoStream", access: AccessPolicy.access(for: "/rx.v1.Diagnostics/EchoStream")
        ) { (request: EchoRequest, writer: ServerStreamWriter<EchoResponse>, _) in
            try Self.validate(request)
            for index in 0..<max(request.repeat, 1) {
                if request.delayMs > 0 {
                    try await Task.sleep(nanoseconds: UInt64(request.delayMs) * 1_000_000)
                }
                var response = EchoResponse()
                response.sample = request.sample
                response.index = index
                try await writer.send(response)
            }
        }
    }

    private static func validate(_ request: EchoRequest) throws(RPCError) {
        if request.delayMs > self.maximumDelayMilliseconds {
            throw RPCError(.invalidArgument, "delay_ms \(request.delayMs) exceeds \(self.maximumDelayMilliseconds)")
        }
        if request.repeat > self.maximumRepeat {
            throw RPCError(.invalidArgument, "repeat \(request.repeat) exceeds \(self.maximumRepeat)")
        }
    }
}
