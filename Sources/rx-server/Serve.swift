import ArgumentParser
import Foundation
import Logging
import RxApp
import RxTransport

/// `rx-server serve` (the default): run the clearinghouse until SIGTERM or SIGINT.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server (the default subcommand).")

    @Option(help: "Address to listen on (numeric IPv4 or IPv6).")
    var host = "127.0.0.1"

    @Option(help: "TCP port; 0 picks a free port, printed in the first log line.")
    var port = 50051

    @Option(help: "Directory for the SQLite database and other state.")
    var dataDir = "data"

    @Option(help: "Directory with server.crt, server.key and the facility CA ca.crt.")
    var certs = "Certs/dev"

    @Option(help: "I/O threads (default: two per core — the loops also run Get's page-cache reads inline, so a loop waiting on a page miss must not leave its core idle).")
    var ioThreads = 2 * ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Largest request message in bytes.")
    var maxMessageBytes = 4 << 20

    @Option(help: "Most connections open at once, over all facilities.")
    var maxConnections = 10_000

    @Option(help: "Connections one facility (certificate CN) may hold open at once.")
    var maxConnectionsPerFacility = 256

    @Option(help: "Sustained calls per second per facility (0 = unlimited); health checks are exempt.")
    var callsPerSecondPerFacility = 2_000

    @Option(help: "Calls a facility may make in a burst above its sustained rate.")
    var callBurstPerFacility = 4_000

    @Option(help: "Milliseconds the audit entry of a read (Get, FHIR export) may wait for its fsync; it is committed before the answer either way. 0 = fsync before every answer.")
    var readAuditSyncMs = 20

    @Option(help: "Milliseconds a facility's new connections are refused after one was closed for abuse (rapid reset); 0 = never.")
    var abuseCoolDownMs = 10_000

    @Option(help: "Concurrent streams per connection (HTTP/2 SETTINGS).")
    var maxConcurrentStreams: UInt32 = 256

    @Option(help: "Milliseconds a client has to finish the TLS handshake.")
    var handshakeTimeoutMs = 10_000

    @Option(help: "Milliseconds after which a connection without calls or traffic is closed.")
    var idleTimeoutMs = 300_000

    @Option(help: "Milliseconds shutdown waits for in-flight calls.")
    var shutdownGraceMs = 10_000

    @Option(help: "Sample catalog CSV imported on first start when the catalog is empty (relative to the working directory).")
    var catalogSample = "tools/sample-data/catalog.csv"

    @Flag(help: "Serve rx.v1.Diagnostics (echo with delay; for tests and operators).")
    var enableDiagnostics = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(self.port) else { throw ValidationError("--port must be 0...65535") }
        guard self.ioThreads >= 1, self.ioThreads <= 256 else { throw ValidationError("--io-threads must be 1...256") }
        guard self.maxMessageBytes >= 1024 else { throw ValidationError("--max-message-bytes must be at least 1024") }
        guard self.maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard self.maxConnectionsPerFacility >= 1 else {
            throw ValidationError("--max-connections-per-facility must be at least 1")
        }
        guard self.callsPerSecondPerFacility >= 0, self.callBurstPerFacility >= 1 else {
            throw ValidationError("--calls-per-second-per-facility must be ≥ 0 and --call-burst-per-facility ≥ 1")
        }
        guard self.readAuditSyncMs >= 0 else { throw ValidationError("--read-audit-sync-ms must be ≥ 0") }
        guard self.abuseCoolDownMs >= 0 else { throw ValidationError("--abuse-cool-down-ms must be ≥ 0") }
        guard Logger.Level(rawValue: self.logLevel) != nil else { throw ValidationError("unknown --log-level") }
    }

    func run() throws {
        // Before anything starts a thread (the log writer is the first), so all threads inherit the mask.
        let signals = ProcessSignals.block()
        let level = Logger.Level(rawValue: self.logLevel) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        let logger = Logger(label: "rx-server")

        var configuration = Application.Configuration()
        configuration.server.host = self.host
        configuration.server.port = self.port
        configuration.server.ioThreads = self.ioThreads
        configuration.server.maxMessageBytes = self.maxMessageBytes
        configuration.server.maxConnections = self.maxConnections
        configuration.server.maxConnectionsPerFacility = self.maxConnectionsPerFacility
        configuration.server.callsPerSecondPerFacility = self.callsPerSecondPerFacility
        configuration.server.callBurstPerFacility = self.callBurstPerFacility
        configuration.server.abuseCoolDownMilliseconds = self.abuseCoolDownMs
        configuration.readAuditSyncMilliseconds = self.readAuditSyncMs
        configuration.server.handshakeTimeoutMilliseconds = self.handshakeTimeoutMs
        configuration.server.idleTimeoutMilliseconds = self.idleTimeoutMs
        configuration.server.shutdownGraceMilliseconds = self.shutdownGraceMs
        configuration.server.http2.maxConcurrentStreams = self.maxConcurrentStreams
        configuration.certificatesDirectory = self.certs
        configuration.dataDirectory = self.dataDir
        configuration.enableDiagnostics = self.enableDiagnostics
        configuration.catalogSamplePath = self.catalogSample

        // Writes to a peer that went away must fail with EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let application: Application
        let boundPort: Int
        do {
            application = try Application(configuration: configuration, logger: logger)
            boundPort = try application.start()
        } catch {
            logger.critical("failed to start", metadata: ["error": "\(error)"])
            LogWriter.standardError.flush()
            throw ExitCode.failure
        }
        logger.info(
            "started",
            metadata: [
                "port": .stringConvertible(boundPort), "host": "\(self.host)",
                "io_threads": .stringConvertible(self.ioThreads),
                "facility_crl": "\(application.revocationChecksEnabled)",
                "data_dir": "\(self.dataDir)", "certs": "\(self.certs)",
            ])

        // SIGHUP: rebuild the catalog snapshot from the database (after `rx-server catalog import`) and
        // re-read the revocation lists. SIGTERM/SIGINT: graceful shutdown.
        while signals.next() == SIGHUP {
            application.reloadCatalog()
            application.reloadRevocationLists()
        }
        logger.info("stopping")
        application.shutdown()
        logger.info("stopped")
        LogWriter.standardError.flush()
    }
}
