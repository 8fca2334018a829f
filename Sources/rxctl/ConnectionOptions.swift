import ArgumentParser
import Foundation
import RxTransport

/// Flags every rxctl command shares: where the server is and which facility we are.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Server address as host:port.")
    var server = "localhost:50051"

    @Option(help: "Client certificate (PEM) identifying the calling facility.")
    var cert = "Certs/dev/hospital-prescriber.crt"

    @Option(help: "Private key (PEM) of the client certificate.")
    var key = "Certs/dev/hospital-prescriber.key"

    @Option(help: "CA bundle (PEM) that signed the server certificate.")
    var ca = "Certs/dev/ca.crt"

    @Option(help: "Seconds to wait for an answer.")
    var timeout = 30.0

    @Flag(help: "Print machine-readable JSON instead of a table.")
    var json = false

    func validate() throws {
        _ = try self.hostAndPort()
        guard self.timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func hostAndPort() throws -> (host: String, port: Int) {
        guard let address = ServerAddress(parsing: self.server) else {
            throw ValidationError("--server must be host:port, got \(self.server)")
        }
        return (address.host, address.port)
    }

    var grpcTimeout: GRPCTimeout { GRPCTimeout(nanoseconds: UInt64(self.timeout * 1e9)) }

    /// Opens an mTLS connection, or prints why not and exits non-zero.
    func connect() throws -> GRPCClientConnection {
        let (host, port) = try self.hostAndPort()
        do {
            let context = try TLSContext.client(
                certificateChainFile: self.cert, privateKeyFile: self.key, trustedCAFile: self.ca, serverName: host)
            var options = GRPCClientConnection.Options()
            options.connectTimeoutMilliseconds = Int(self.timeout * 1000)
            return try GRPCClientConnection(host: host, port: port, tls: context, options: options)
        } catch let error as RPCError {
            throw CommandFailure(status: error.status)
        } catch {
            throw CommandFailure(status: GRPCStatus(code: .unavailable, message: "\(error)"))
        }
    }
}

/// A failed call: printed as `STATUS: message` on stderr, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let status: GRPCStatus

    var description: String { "\(self.status.code.name): \(self.status.message)" }
}
