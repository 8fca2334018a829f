import Foundation
import RxSignature
import RxTransport
import RxWire

/// Data a run needs before it starts: registration numbers from the catalog and, for lookups,
/// prescriptions submitted (signed with doctor-1 as the hospital) so that `Get` finds them.
struct Fixtures: Sendable {
    var registrationNumbers: [String]
    var codes: [String]

    static let interactionDrafts: [[String]] = [
        ["warfarin", "aspirin", "omeprazole"], ["simvastatin", "clarithromycin"], ["paracetamol", "amoxicillin"],
        ["sertraline", "tramadol", "ibuprofen"],
    ]

    static func prepare(
        workload: Workload, host: String, port: Int, certs: String, catalogCSV: String, prescriptions: Int,
        lookupTLS: TLSContext, fixturesIn: String?, fixturesOut: String?
    ) throws -> Fixtures {
        let numbers = try Self.registrationNumbers(catalogCSV)
        guard !numbers.isEmpty else { throw FixtureError("no registration numbers in \(catalogCSV)") }
        var fixtures = Fixtures(registrationNumbers: numbers, codes: [])
        if let fixturesIn {
            fixtures.codes = try String(contentsOfFile: fixturesIn, encoding: .utf8).split(separator: "\n")
                .compactMap { $0.split(separator: "\t").first.map(String.init) }
        } else if workload == .lookup || workload == .mixed {
            fixtures.codes = try Self.submit(count: prescriptions, host: host, port: port, certs: certs)
        }
        if let fixturesOut {
            try Self.writeAnswers(codes: fixtures.codes, to: fixturesOut, host: host, port: port, tls: lookupTLS)
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
    static func submit(count: Int, host: String, port: Int, certs: String) throws -> [String] {
        let context = try TLSContext.client(
            certificateChainFile: certs + "/hospital-prescriber.crt", privateKeyFile: certs + "/hospital-prescriber.key",
            trustedCAFile: certs + "/ca.crt", serverName: host)
        let client = try GRPCClientConnection(host: host, port: port, tls: context)
        defer { client.close() }
        var codes: [String] = []
        var pending: [Int32] = []
        for index in 0..<count {
            var request = SubmitPrescriptionRequest()
            request.signedPrescription = try CMSSigner.sign(
                content: Self.prescription(patient: index).serializedBytes(),
                certificateFile: certs + "/doctor-1.crt", privateKeyFile: certs + "/doctor-1.key")
            request.idempotencyKey = UUID().uuidString
            pending.append(try client.start(path: "/rx.v1.Prescriptions/Submit", request: request.serializedBytes()))
            if pending.count == 32 || index == count - 1 {
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

    static func prescription(patient index: Int) -> Prescription {
        var content = Prescription()
        content.facilityCode = "79088"
        var prescriber = Prescriber()
        prescriber.fullName = "Nguyễn Thị Lan"
        prescriber.practisingCertificateNumber = "000123/HCM-CCHN"
        content.prescriber = prescriber
        content.issuedAtUnixSeconds = Int64(Date().timeIntervalSince1970) - 60
        content.type = .ordinary
        var patient = Patient()
        patient.fullName = "Bệnh nhân Tải \(index)"
        patient.citizenID = String(format: "0790%08d", 50_000_000 + index)
        patient.sex = index % 2 == 0 ? .female : .male
        var birth = CivilDate()
        birth.year = 1960 + Int32(index % 40)
        birth.month = 1 + Int32(index % 12)
        birth.day = 1 + Int32(index % 28)
        patient.dateOfBirth = birth
        patient.address = "TP. Hồ Chí Minh"
        content.patient = patient
        var diagnosis = Diagnosis()
        diagnosis.icd10Code = "R50.9"
        diagnosis.text = "Sốt"
        content.diagnoses = [diagnosis]
        var line = DrugLine()
        line.lineNumber = 1
        line.registrationNumber = "GC-125-15"
        line.brandName = "Hapacol 500mg"
        var ingredient = DrugLine.ActiveIngredient()
        ingredient.inn = "paracetamol"
        ingredient.strength = "500 mg"
        line.activeIngredients = [ingredient]
        line.dosageForm = "viên nén"
        line.quantity = 10
        line.unit = "viên"
        var directions = DrugLine.Directions()
        directions.dose = "1 viên"
        directions.timesPerDay = 2
        directions.route = "uống"
        line.directions = directions
        line.daysOfSupply = 5
        content.lines = [line]
        return content
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
