import RxTransport
import RxWire

/// Calls to `rx.v1.Statistics` for `rxctl stats` and `rxctl alerts`: the streamed answers are collected
/// (the blocking client gathers every message of the call) and decoded in order.
struct StatisticsClient {
    let connection: ConnectionOptions

    /// Calls `rx.v1.Statistics/<method>` and decodes every message of the answer.
    func call<Response: ProtoMessage>(
        _ method: String, _ request: some ProtoMessage, returning: Response.Type = Response.self
    ) throws -> [Response] {
        let client = try self.connection.connect()
        defer { client.close() }
        let result: ClientCallResult
        do {
            result = try client.unary(
                path: "/rx.v1.Statistics/\(method)", request: request.serializedBytes(), timeout: self.connection.grpcTimeout)
        } catch {
            throw CommandFailure(status: error.status)
        }
        guard result.status.isOK else { throw CommandFailure(status: result.status) }
        do {
            return try result.messages.map { try Response(serializedBytes: $0) }
        } catch {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "\(method): undecodable response: \(error)"))
        }
    }
}
