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

    @Option(help: "Weights of a mixed run, e.g. lookup=8,submit=1,dispense=1.")
    var mix: WorkloadMix?

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

    @Option(help: "Client certificate for the pharmacy workloads (lookup, product, dispense, …).")
    var cert = "Certs/dev/pharmacy.crt"

    @Option(help: "Private key of --cert.")
    var key = "Certs/dev/pharmacy.key"

    @Option(help: "CA that signed the server certificate.")
    var ca = "Certs/dev/ca.crt"

    @Option(help: "Directory of the development certificates (prescriber, regulator, doctor-1).")
    var certs = "Certs/dev"

    @Option(help: "Catalog CSV to take registration numbers from.")
    var catalog = "tools/sample-data/catalog.csv"

    @Option(help: "Prescriptions submitted before a lookup, stats, dispense or dispense-contention run (each).")
    var prescriptions = 200

    @Option(help: "Submissions signed before a submit run; the run stops early if they are used up.")
    var submitPool = 20_000

    @Option(help: "Write code<TAB>base64(Get answer) of the lookup prescriptions here (for the reference server).")
    var fixturesOut: String?

    @Option(help: "Take the lookup codes from this file instead of submitting prescriptions.")
    var fixturesIn: String?

    @Option(help: "PID of rx-server, to report its CPU seconds and peak RSS over the run.")
    var serverPID: Int32?

    @Option(help: "Instead of load: open and hold this many idle mTLS connections, report server RSS per connection and handshakes/s.")
    var idleConnections: Int?

    @Option(help: "Threads opening idle connections at once.")
    var handshakeThreads = 4

    @Option(help: "Seconds to hold the idle connections before measuring the server's RSS.")
    var hold = 1.0

    @Flag(help: "Print only the JSON line.")
    var json = false

    func validate() throws {
        guard self.connections >= 1, self.concurrency >= self.connections else {
            throw ValidationError("need --connections ≥ 1 and --concurrency ≥ --connections")
        }
        guard self.duration > 0, self.warmup >= 0, self.rate >= 0 else { throw ValidationError("bad timing flags") }
        guard self.prescriptions >= 1, self.submitPool >= 0 else { throw ValidationError("bad pool sizes") }
        if let idle = self.idleConnections, idle < 1 || self.handshakeThreads < 1 {
            throw ValidationError("--idle-connections and --handshake-threads must be at least 1")
        }
        _ = try self.hostAndPort()
    }

    func hostAndPort() throws -> (String, Int) {
        guard let address = ServerAddress(parsing: self.server) else {
            throw ValidationError("--server must be host:port, got \(self.server)")
        }
        return (address.host, address.port)
    }

    /// The streams of the run: one for a single workload, one per component for a mix.
    func shapes() -> [LoadStream.Shape] {
        guard self.workload == .mixed else {
            return [LoadStream.Shape(
                workload: self.workload, connections: self.connections, concurrency: self.concurrency, rate: self.rate)]
        }
        return self.effectiveMix?.split(connections: self.connections, concurrency: self.concurrency, rate: self.rate) ?? []
    }

    /// `--mix`, or the default mix of earlier versions (mostly lookups).
    var effectiveMix: WorkloadMix? { self.mix ?? WorkloadMix.standard }

    func tls(for workload: Workload, host: String) throws -> TLSContext {
        let name = workload.certificateName
        let (cert, key) = name == "pharmacy"
            ? (self.cert, self.key) : ("\(self.certs)/\(name).crt", "\(self.certs)/\(name).key")
        return try TLSContext.client(certificateChainFile: cert, privateKeyFile: key, trustedCAFile: self.ca, serverName: host)
    }

    func run() throws {
        let (host, port) = try self.hostAndPort()
        if let idle = self.idleConnections {
            try self.runIdle(count: idle, host: host, port: port)
            return
        }
        let shapes = self.shapes()
        guard !shapes.isEmpty else { throw ValidationError("--mix names no workload") }
        let streams = try shapes.map { LoadStream(shape: $0, tls: try self.tls(for: $0.workload, host: host)) }
        let pharmacy = try self.tls(for: .lookup, host: host)
        let options = Fixtures.Options(
            host: host, port: port, certs: self.certs, catalogCSV: self.catalog, prescriptions: self.prescriptions,
            submitPool: self.submitPool, fixturesIn: self.fixturesIn, fixturesOut: self.fixturesOut)
        let fixtures = try Fixtures.prepare(for: Set(shapes.map(\.workload)), options: options, lookupTLS: pharmacy)
        let before = self.serverPID.flatMap(ProcessSample.read)
        let sampledFrom = MonotonicTime.now()
        let plan = LoadPlan(
            host: host, port: port, streams: streams, fixtures: fixtures, warmup: self.warmup, duration: self.duration)
        let outcome = try plan.run()
        let after = self.serverPID.flatMap(ProcessSample.read)
        let sampledSeconds = Double(MonotonicTime.now().nanoseconds(since: sampledFrom)) / 1e9
        var report = LoadReport(
            workload: self.workload == .mixed ? "mixed(\(self.effectiveMix?.description ?? ""))" : self.workload.rawValue,
            connections: streams.reduce(0) { $0 + $1.shape.connections }, concurrency: self.concurrency,
            rate: self.rate, outcome: outcome, before: before, after: after, sampledSeconds: sampledSeconds)
        for workload in [Workload.dispense, .contention] where shapes.contains(where: { $0.workload == workload }) {
            report.checks.append(try DispenseCheck.run(
                workload: workload, codes: workload == .dispense ? fixtures.dispenseCodes : fixtures.contentionCodes,
                statusesAnyTime: outcome.statusesAnyTimeByWorkload[workload] ?? [:], host: host, port: port,
                tls: pharmacy))
        }
        if !self.json { print(report.table()) }
        print(report.jsonLine())
        if outcome.ok == 0 || report.checks.contains(where: { !$0.passed }) { throw ExitCode.failure }
    }
}
