import Foundation
import RxSignature
import RxTransport
import RxWire

/// Data a run needs before it starts: registration numbers from the catalog, prescriptions submitted
/// (signed with doctor-1 as the hospital) for lookups and dispenses, and a pool of freshly signed
/// submissions so that every `submit` call sends a new prescription under a new idempotency key.
struct Fixtures: Sendable {
    /// Units on the single line of every pre-submitted prescription (see `prescription(patient:)`).
    static let dispenseQuantity = 10

    var registrationNumbers: [String] = []
    var codes: [String] = []
    var dispenseCodes: [String] = []
    var contentionCodes: [String] = []
    /// Encoded `SubmitPrescriptionRequest`s, each signed once and sent once.
    var submitPool: [[UInt8]] = []
    let submitCursor = PoolCursor()
    let dispenseCursor = PoolCursor()
    let contentionCursor = PoolCursor()
    /// Prefix of this run's dispense idempotency keys (fresh per process).
    let runTag = String(UUID().uuidString.prefix(8)).lowercased()
    /// A statistics range: the 30 days up to tomorrow, on Vietnam day boundaries.
    let statisticsFrom: Int64
    let statisticsTo: Int64

    static let interactionDrafts: [[String]] = [
        ["warfarin", "aspirin", "omeprazole"], ["simvastatin", "clarithromycin"], ["paracetamol", "amoxicillin"],
        ["sertraline", "tramadol", "ibuprofen"],
    ]

    /// Where and as whom to prepare, and how much.
    struct Options {
        var host: String
        var port: Int
        var certs: String
        var catalogCSV: String
        var prescriptions: Int
        var submitPool: Int
        var fixturesIn: String?
        var fixturesOut: String?
    }

    init() {
        let day: Int64 = 86_400
        let vietnamOffset: Int64 = 7 * 3_600
        let today = (Int64(Date().timeIntervalSince1970) + vietnamOffset) / day * day - vietnamOffset
        self.statisticsFrom = today - 30 * day
        self.statisticsTo = today + day
    }

    static func prepare(for workloads: Set<Workload>, options: Options, lookupTLS: TLSContext) throws -> Fixtures {
        var fixtures = Fixtures()
        fixtures.registrationNumbers = try Self.registrationNumbers(options.catalogCSV)
        guard !fixtures.registrationNumbers.isEmpty else { throw FixtureError("no registration numbers in \(options.catalogCSV)") }
        let submit = { (first: Int) in
            try Self.submit(count: options.prescriptions, firstPatient: first, options: options)
        }
        if let fixturesIn = options.fixturesIn {
            fixtures.codes = try String(contentsOfFile: fixturesIn, encoding: .utf8).split(separator: "\n")
                .compactMap { $0.split(separator: "\t").first.map(String.init) }
        } else if workloads.contains(.lookup) || workloads.contains(.stats) {
            fixtures.codes = try submit(0)
        }
        if workloads.contains(.dispense) { fixtures.dispenseCodes = try submit(1_000_000) }
        if workloads.contains(.contention) { fixtures.contentionCodes = try submit(2_000_000) }
        if workloads.contains(.submit) {
            fixtures.submitPool = try SubmitPool.sign(count: options.submitPool, firstPatient: 3_000_000, certs: options.certs)
        }
        if let fixturesOut = options.fixturesOut {
            try Self.writeAnswers(
                codes: fixtures.codes, to: fixturesOut, host: options.host, port: options.port, tls: lookupTLS)
        }
        return fixtures
    }

    /// Writes `code<TAB>base64(GetPrescriptionResponse)` per code, so the gRPC C++ reference server can
    /// answer with exactly the bytes rx-server returns.
    static func writeAnswers(codes: [String], to path: String, host: String, port: Int, tls: TLSContext) throws {
        let client = try GRPCClientConnection(host: host, port: port, tls: tls)
        defer { client.close() }
        var text = ""
        for code in codes {
            var request = GetPrescriptionRequest()
            request.code = code
            let result = try client.unary(path: "/rx.v1.Prescriptions/Get", request: request.serializedBytes())
            guard result.status.isOK, let bytes = result.messages.first else {
                throw FixtureError("Get \(code) failed: \(result.status)")
            }
            text += "\(code)\t\(Base64.encode(bytes))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Unique registration numbers of uncontrolled, single-ingredient products (first column).
    static func registrationNumbers(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var seen: Set<String> = []
        var numbers: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let number = fields.first, !line.contains("\""), seen.insert(String(number)).inserted else { continue }
            numbers.append(String(number))
        }
        return numbers
    }

    /// Submits `count` ordinary paracetamol prescriptions for distinct patients; returns their codes.
    static func submit(count: Int, firstPatient: Int, options: Options) throws -> [String] {
        let certs = options.certs
        let context = try TLSContext.client(
            certificateChainFile: certs + "/hospital-prescriber.crt", privateKeyFile: certs + "/hospital-prescriber.key",
            trustedCAFile: certs + "/ca.crt", serverName: options.host)
        let requests = try SubmitPool.sign(count: count, firstPatient: firstPatient, certs: certs)
        let client = try GRPCClientConnection(host: options.host, port: options.port, tls: context)
        defer { client.close() }
        var codes: [String] = []
        var pending: [Int32] = []
        for (index, request) in requests.enumerated() {
            pending.append(try client.start(path: "/rx.v1.Prescriptions/Submit", request: request))
            if pending.count == 64 || index == count - 1 {
                for result in try client.wait(for: pending) {
                    guard result.status.isOK, let bytes = result.messages.first else {
                        throw FixtureError("pre-submit failed: \(result.status)")
                    }
                    codes.append(try SubmitPrescriptionResponse(serializedBytes: bytes).code)
                }
                pending.removeAll()
            }
        }
        return codes
    }
}
