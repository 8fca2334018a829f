import ArgumentParser
import RxTransport
import RxWire

/// `rxctl echo`: a round trip through rx.v1.Diagnostics (server started with --enable-diagnostics).
struct Echo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Round-trip a message through rx.v1.Diagnostics/Echo.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Text to send.")
    var text = "xin chào"

    @Option(help: "Milliseconds the server waits before answering.")
    var delayMs: UInt32 = 0

    func run() throws {
        let client = try self.connection.connect()
        defer { client.close() }
        var request = EchoRequest()
        var sample = WireSample()
        sample.stringValue = self.text
        request.sample = sample
        request.delayMs = self.delayMs
        let started = MonotonicTime.now()
        let result = try client.unary(
            path: "/rx.v1.Diagnostics/Echo", request: request.serializedBytes(), timeout: self.connection.grpcTimeout)
        let micros = MonotonicTime.now().nanoseconds(since: started) / 1000
        try Health.check(result.status)
        guard let bytes = result.messages.first, let response = try? EchoResponse(serializedBytes: bytes),
            let text = response.sample?.stringValue
        else {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "undecodable response"))
        }
        if self.connection.json {
            print("{\"text\":\(Health.quote(text)),\"round_trip_us\":\(micros)}")
        } else {
            print("\(text)  (\(micros) µs)")
        }
    }
}
