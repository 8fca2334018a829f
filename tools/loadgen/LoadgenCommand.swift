import ArgumentParser
import Foundation
import RxTransport

/// `rx-loadgen`: closed- or open-loop load over the project's own client stack (nghttp2 + OpenSSL,
/// a facility's client certificate), reporting throughput, latency percentiles and the server's CPU
/// and memory. Never part of the pass/fail suite except as a few-second smoke run.
@main
struct LoadgenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rx-loadgen",
        abstract: "Load generator for rx-server (mTLS gRPC).",
        discussion: "Workloads: \(Workload.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Option(help: "Server address as host:port.")
    var server = "localhost:50051"

    @Option(help: "Workload to run.")
    var workload: Workload = .lookup

    @Option(help: "TCP connections (one thread each).")
    var connections = 4

    @Option(help: "Calls in flight in total, spread over the connections.")
    var concurrency = 64

    @Option(help: "Seconds measured.")
    var duration = 10.0

    @Option(help: "Seconds of load before measuring.")
    var warmup = 2.0

    @Option(help: "Open loop: calls per second in total (latency from the intended send time). 0 = closed loop.")
    var rate = 0.0

    @Option(help: "Client certificate for the calls (lookup needs a pharmacy).")
    var cert = "Certs/dev/pharmacy.crt"

    @Option(help: "Private key of --cert.")
    var key = "Certs/dev/pharmacy.key"

    @Option(help: "CA that signed the server certificate.")
    var ca = "Certs/dev/ca.crt"

    @Option(help: "Directory of the development certificates (prescriber and doctor for pre-submitting).")
    var certs = "Certs/dev"

    @Option(help: "Catalog CSV to take registration numbers from.")
    var catalog = "tools/sample-data/catalog.csv"

    @Option(help: "Prescriptions submitted before a lookup run.")
    var prescriptions = 200

    @Option(help: "Write code<TAB>base64(Get answer) of the lookup prescriptions here (for the reference server).")
    var fixturesOut: String?

    @Option(help: "Take the lookup codes from this file instead of submitting prescriptions.")
    var fixturesIn: String?

    @Option(help: "PID of rx-server, to report its CPU seconds and peak RSS over the run.")
    var serverPID: Int32?

    @Flag(help: "Print only the JSON line.")
    var json = false

    func validate() throws {
        guard self.connections >= 1, self.concurrency >= self.connections else {
            throw ValidationError("need --connections ≥ 1 and --concurrency ≥ --connections")
        }
        guard self.duration > 0, self.warmup >= 0, self.rate >= 0 else { throw ValidationError("bad timing flags") }
        _ = try self.hostAndPort()
    }

    func hostAndPort() throws -> (String, Int) {
        guard let address = ServerAddress(parsing: self.server) else {
            throw ValidationError("--server must be host:port, got \(self.server)")
        }
        return (address.host, address.port)
    }

    func run() throws {
        let (host, port) = try self.hostAndPort()
        let context = try TLSContext.client(
            certificateChainFile: self.cert, privateKeyFile: self.key, trustedCAFile: self.ca, serverName: host)
        let fixtures = try Fixtures.prepare(
            workload: self.workload, host: host, port: port, certs: self.certs, catalogCSV: self.catalog,
            prescriptions: self.prescriptions, lookupTLS: context, fixturesIn: self.fixturesIn,
            fixturesOut: self.fixturesOut)
        let before = self.serverPID.flatMap(ProcessSample.read)
        let plan = LoadPlan(
            host: host, port: port, tls: context, workload: self.workload, fixtures: fixtures,
            connections: self.connections, concurrency: self.concurrency, warmup: self.warmup,
            duration: self.duration, rate: self.rate)
        let outcome = try plan.run()
        let after = self.serverPID.flatMap(ProcessSample.read)
        let report = LoadReport(
            workload: self.workload.rawValue, connections: self.connections, concurrency: self.concurrency,
            rate: self.rate, outcome: outcome, before: before, after: after)
        if !self.json { print(report.table()) }
        print(report.jsonLine())
        if outcome.ok == 0 { throw ExitCode.failure }
    }
}
