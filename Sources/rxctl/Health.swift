import ArgumentParser
import Foundation
import RxTransport
import RxWire

/// `rxctl health`: ask the server whether it (or one service) is serving.
struct Health: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the server's health (grpc.health.v1).")

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Service to check; empty means the server as a whole.")
    var service = ""

    @Flag(help: "Keep watching and print every status change.")
    var watch = false

    func run() throws {
        let client = try self.connection.connect()
        defer { client.close() }
        var request = HealthCheckRequest()
        request.service = self.service
        if self.watch {
            let id = try client.start(path: "/grpc.health.v1.Health/Watch", request: request.serializedBytes()) { bytes in
                if let response = try? HealthCheckResponse(serializedBytes: bytes) {
                    self.printStatus(response.status)
                }
            }
            let result = try client.wait(for: [id], timeoutMilliseconds: Int.max / 2)[0]
            try Self.check(result.status)
            return
        }
        let result = try client.unary(
            path: "/grpc.health.v1.Health/Check", request: request.serializedBytes(), timeout: self.connection.grpcTimeout)
        try Self.check(result.status)
        guard let bytes = result.messages.first else {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "empty response"))
        }
        do {
            self.printStatus(try HealthCheckResponse(serializedBytes: bytes).status)
        } catch {
            throw CommandFailure(status: GRPCStatus(code: .internal, message: "undecodable response: \(error)"))
        }
    }

    private func printStatus(_ status: HealthCheckResponse.ServingStatus) {
        let name = Self.name(of: status)
        let line =
            self.connection.json
            ? "{\"service\":\(Self.quote(self.service)),\"status\":\"\(name)\"}\n"
            : (self.service.isEmpty ? name : "\(self.service): \(name)") + "\n"
        // Unbuffered, so `--watch` output reaches a pipe as each change happens.
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    static func name(of status: HealthCheckResponse.ServingStatus) -> String {
        switch status {
        case .serving: return "SERVING"
        case .notServing: return "NOT_SERVING"
        case .serviceUnknown: return "SERVICE_UNKNOWN"
        case .unknown: return "UNKNOWN"
        default: return "STATUS_\(status.rawValue)"
        }
    }

    static func check(_ status: GRPCStatus) throws {
        if !status.isOK { throw CommandFailure(status: status) }
    }

    static func quote(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
