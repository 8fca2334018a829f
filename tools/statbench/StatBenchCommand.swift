import ArgumentParser
import Foundation
import Logging
import RxApp
import RxPrescriptions
import RxSignature
import RxStatistics
import RxStore
import RxTransport
import RxWire

/// `rx-statbench`: latency of the common regulator queries on a generated database, the planted-shopper
/// check, and the cost the statistics hook adds to Submit.
struct StatBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rx-statbench", abstract: "Statistics query latencies and Submit overhead of the statistics hook.")

    @Option(name: .customLong("data-dir"), help: "A database written by rx-datagen.") var dataDirectory: String?
    @Option(help: "Runs per query.") var runs = 5
    @Option(help: "Submits per configuration for the overhead measurement (0 skips it).") var submits = 500
    @Option(help: "Development PKI: the Submit rounds are also run with prescriptions signed by doctor-1 and verified.")
    var certs = "Certs/dev"

    /// Runs the async benchmark on the task pool while the main thread waits.
    func run() throws {
        let outcome = BenchOutcome()
        let semaphore = DispatchSemaphore(value: 0)
        let (dataDirectory, runs, submits, certs) = (self.dataDirectory, self.runs, submits, self.certs)
        Task {
            do {
                try await Self.bench(dataDirectory: dataDirectory, runs: runs, submits: submits, certs: certs)
            } catch {
                outcome.record(error)
            }
            semaphore.signal()
        }
        semaphore.wait()
        if let error = outcome.error { throw error }
    }

    static func bench(dataDirectory: String?, runs: Int, submits: Int, certs: String) async throws {
        var logger = Logger(label: "rx-statbench")
        logger.logLevel = .warning
        if let dataDirectory {
            let store = try Store.open(
                directory: dataDirectory, configuration: Store.Configuration(migrations: Application.schema), logger: logger)
            defer { store.close() }
            try await Self.queries(StatisticsService(store: store, logger: logger), runs: runs)
        }
        if submits > 0 {
            // Alternating rounds, medians: the machine is shared, so single runs drift. The same requests
            // serve every round (each round has a fresh store); signing them is the slow part.
            for signed in [false, true] {
                let (sequentialRequests, concurrentRequests) = try (
                    SubmitOverhead.requests(submits, signedWith: signed ? certs : nil),
                    SubmitOverhead.requests(submits * 4, signedWith: signed ? certs : nil))
                let verifier: any SignatureVerifier = signed
                    ? try CMSVerifier(trustedCAFile: certs + "/signing-ca.crt") : SubmitOverhead.PassThroughVerifier()
                var sequential: [SubmitOverhead.Hook: [SubmitOverhead.Timing]] = [:]
                var concurrent: [SubmitOverhead.Hook: [SubmitOverhead.Timing]] = [:]
                for _ in 0..<max(1, runs) {
                    for hook in SubmitOverhead.Hook.allCases {
                        sequential[hook, default: []].append(try await SubmitOverhead.measure(
                            sequentialRequests, verifier: verifier, hook: hook, logger: logger))
                        concurrent[hook, default: []].append(try await SubmitOverhead.measureConcurrent(
                            concurrentRequests, verifier: verifier, hook: hook, logger: logger))
                    }
                }
                let what = signed ? "CMS-signed (verified)" : "signature check stubbed (write path only)"
                Self.report("Submit, sequential, \(what)", sequential, runs: runs)
                Self.report("Submit, 8 concurrent clients, \(what)", concurrent, runs: runs)
            }
        }
    }

    /// One line per hook: median time per Submit until the last acknowledgement and its change against no
    /// hook, then the same including the time the outbox needed afterwards to catch up (its work is part
    /// of the cost; under sustained load it competes with the next Submits).
    static func report(_ title: String, _ timings: [SubmitOverhead.Hook: [SubmitOverhead.Timing]], runs: Int) {
        print("\(title), medians of \(max(1, runs)) rounds:")
        let baseline = Self.median(timings[.none, default: []].map(\.perSubmit))
        for hook in SubmitOverhead.Hook.allCases {
            let samples = timings[hook, default: []]
            let perSubmit = Self.median(samples.map(\.perSubmit))
            let withCatchUp = Self.median(samples.map(\.perSubmitWithCatchUp))
            print(String(
                format: "  %-7@ %8.1f µs per Submit (%+6.1f %%); with the catch-up %8.1f µs (%+6.1f %%)",
                hook.rawValue as NSString, perSubmit * 1_000_000, (perSubmit / baseline - 1) * 100,
                withCatchUp * 1_000_000, (withCatchUp / baseline - 1) * 100))
        }
    }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// The common queries on calendar months (served by the monthly rollups) and, for comparison, on
    /// rolling windows ending now (the partial months read the day cells).
    static func queries(_ service: StatisticsService, runs: Int) async throws {
        let now = Int64(Date().timeIntervalSince1970)
        let day: Int64 = 86_400
        let thisMonth = VietnamDay.monthStart(of: VietnamDay.of(now))
        var monthStarts = [thisMonth]
        for _ in 0..<12 { monthStarts.append(VietnamDay.monthStart(of: (monthStarts.last ?? thisMonth) - 1)) }
        func range(months: Int) -> (Int64, Int64) { (VietnamDay.start(of: monthStarts[months]), VietnamDay.start(of: thisMonth)) }
        func monthByProvince(_ window: (Int64, Int64)) -> StatisticsQuery {
            var query = StatisticsQuery()
            (query.fromUnixSeconds, query.toUnixSeconds) = window
            query.groupBy = [.month, .province]
            return query
        }
        func yearByATC(_ window: (Int64, Int64)) -> StatisticsQuery {
            var query = StatisticsQuery()
            (query.fromUnixSeconds, query.toUnixSeconds) = window
            query.groupBy = [.atc]
            query.atcLevel = 3
            return query
        }
        func top(_ window: (Int64, Int64)) -> StatisticsTopNRequest {
            var request = StatisticsTopNRequest()
            (request.fromUnixSeconds, request.toUnixSeconds) = window
            request.limit = 20
            return request
        }
        let regulator = FacilityIdentity(
            facilityCode: "01QLD", facilityName: "bench", roles: [.regulator], certificateSerial: "bench", notAfter: .max)
        try await Self.time(runs: runs, "a month by province") { try service.query(monthByProvince(range(months: 1))).count }
        try await Self.time(runs: runs, "a year (12 months) by ATC level 3") { try service.query(yearByATC(range(months: 12))).count }
        try await Self.time(runs: runs, "top 20 ingredients in a quarter") { try service.topN(top(range(months: 3))).count }
        try await Self.time(runs: runs, "controlled-substance report (90 days)") {
            try await service.controlledSubstanceAlerts(ControlledSubstanceAlertsRequest(), caller: regulator).count
        }
        try await Self.time(runs: runs, "rolling 30 days by province") {
            try service.query(monthByProvince((now - 30 * day, now))).count
        }
        try await Self.time(runs: runs, "rolling 365 days by ATC level 3") { try service.query(yearByATC((now - 365 * day, now))).count }
        try await Self.time(runs: runs, "rolling 91 days top 20 ingredients") { try service.topN(top((now - 91 * day, now))).count }
        let alerts = try await service.controlledSubstanceAlerts(ControlledSubstanceAlertsRequest(), caller: regulator)
        let shopping = alerts.filter { $0.kind == .multiplePrescribersAndPharmacies }
        let planted = shopping.filter { $0.patientName.hasPrefix("Người mua thuốc") }
        print("shopping alerts: \(shopping.count), of them planted: \(planted.count); overlap alerts: \(alerts.count - shopping.count)")
    }

    /// Wall-clock and process CPU time per run (the machine is shared: CPU time is what the query itself
    /// cost), medians printed.
    static func time(runs: Int, _ name: String, _ body: () async throws -> Int) async throws {
        var wall: [Double] = []
        var cpu: [Double] = []
        var rows = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.processCPUNanoseconds()
            rows = try await body()
            cpu.append(Double(Self.processCPUNanoseconds() - cpuStart) / 1e6)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        wall.sort()
        print(String(
            format: "%-38@ %6d rows  median %8.1f ms (cpu %7.1f ms)  min %8.1f ms  max %8.1f ms", name as NSString, rows,
            wall[wall.count / 2], Self.median(cpu), wall.first ?? 0, wall.last ?? 0))
    }

    static func processCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

/// The error of the async part, handed back to the waiting main thread.
final class BenchOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? { self.lock.withLock { self.stored } }

    func record(_ error: any Error) { self.lock.withLock { self.stored = error } }
}
