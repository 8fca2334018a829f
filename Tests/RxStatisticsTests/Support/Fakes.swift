import Foundation
import RxPrescriptions
import RxSignature
import RxWire

/// "Signed" bytes are `FAKECMS` + one prescriber byte + the content; prescriber N has the practising
/// certificate "DOC-N" and signs for the facility named in the content.
struct FakeVerifier: SignatureVerifier {
    static let magic = Array("FAKECMS".utf8)

    static func sign(_ content: Prescription, prescriber: UInt8) -> [UInt8] {
        self.magic + [prescriber] + content.serializedBytes()
    }

    func verify(_ signed: [UInt8], at unixTime: Int64) throws -> VerifiedSignature {
        guard signed.count > Self.magic.count, Array(signed.prefix(Self.magic.count)) == Self.magic else {
            throw SignatureError.malformed("not a CMS structure")
        }
        let content = Array(signed.dropFirst(Self.magic.count + 1))
        let facility = try Prescription(serializedBytes: content).facilityCode
        let prescriber = signed[Self.magic.count]
        return VerifiedSignature(
            content: content, signerPractisingCertificate: "DOC-\(prescriber)", signerName: "Bác sĩ \(prescriber)",
            signerFacilityCode: facility, signingTime: nil, certificateSerial: "S\(prescriber)", notBefore: 0,
            notAfter: 4_000_000_000, certificateSHA256: "")
    }
}

/// Amoxicillin (two equivalent brands, J01CA04), paracetamol (N02BE01), morphine (narcotic, N02AA01),
/// diazepam (psychotropic, N05BA01).
struct FakeProducts: ProductDirectory {
    static let amoxicillin = "VD-25123-18"
    static let amoxicillinGeneric = "VD-30000-19"
    static let paracetamol = "VD-11111-20"
    static let morphine = "QLĐB-123-21"
    static let diazepam = "VD-22222-20"

    static let catalog: [String: ProductFacts] = [
        amoxicillin: facts(amoxicillin, "Amoxicillin", "J01CA04"),
        amoxicillinGeneric: facts(amoxicillinGeneric, "Amoxicillin", "J01CA04"),
        paracetamol: facts(paracetamol, "Paracetamol", "N02BE01"),
        morphine: facts(morphine, "Morphine", "N02AA01", .narcotic),
        diazepam: facts(diazepam, "Diazepam", "N05BA01", .psychotropic),
    ]

    static func facts(_ number: String, _ inn: String, _ atc: String, _ controlled: ControlledClass = .none) -> ProductFacts {
        ProductFacts(
            registrationNumber: number, ingredients: [.init(inn: inn, strength: "10 mg")], dosageForm: "viên nén",
            route: "uống", controlledClass: controlled, atcCodes: [atc])
    }

    func product(registrationNumber: String) -> ProductFacts? { Self.catalog[registrationNumber] }

    func isEquivalent(_ a: String, _ b: String) -> Bool {
        guard let first = Self.catalog[a], let second = Self.catalog[b] else { return false }
        return first.ingredients == second.ingredients
    }

    /// Amoxicillin's declared price is 2,500 VND; nothing else has one.
    func unitPriceVND(registrationNumber: String, on date: CivilDate) -> Int64? {
        registrationNumber == Self.amoxicillin || registrationNumber == Self.amoxicillinGeneric ? 2_500 : nil
    }
}

/// Reports one alert for a prescription of exactly three lines (the marker the tests use); never blocks.
struct FakeScreening: InteractionScreening {
    func screen(
        new: [ScreenedLine], active: [ScreenedLine], overrides: [(ingredientA: String, ingredientB: String)]
    ) -> ScreeningResult {
        var result = ScreeningResult()
        if new.count == 3 {
            var alert = PrescriptionAlert()
            alert.severity = "minor"
            alert.kind = "interaction"
            result.alerts.append(alert)
        }
        return result
    }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    init(_ start: Int64) { self.current = start }

    var now: Int64 {
        get { self.lock.withLock { self.current } }
        set { self.lock.withLock { self.current = newValue } }
    }

    var clock: PrescriptionClock { PrescriptionClock { [self] in self.now } }
}
