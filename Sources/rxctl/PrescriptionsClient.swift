import RxTransport
import RxWire

/// Unary calls to `rx.v1.Prescriptions` for the rxctl subcommands: one connection per command, any
/// non-OK status turned into a `CommandFailure` that prints `STATUS: message` and exits non-zero.
struct PrescriptionsClient {
    let connection: ConnectionOptions

    /// Calls `rx.v1.Prescriptions/<method>` and decodes the answer.
    func call<Response: ProtoMessage>(
        _ method: String, _ request: some ProtoMessage, returning: Response.Type = Response.self
    ) throws -> Response {
        let client = try self.connection.connect()
        defer { client.close() }
        let result: ClientCallResult
        do {
            result = try client.unary(
                path: "/rx.v1.Prescriptions/\(method)", request: request.serializedBytes(),
                timeout: self.connection.grpcTimeout)
        } catch {
            throw CommandFailure(status: error.status)
        }
        guard result.status.isOK else {
            throw CommandFailure(status: result.status)
        }
        guard let bytes = result.messages.first else {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "\(method): empty response"))
        }
        do {
            return try Response(serializedBytes: bytes)
        } catch {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "\(method): undecodable response: \(error)"))
        }
    }
}
