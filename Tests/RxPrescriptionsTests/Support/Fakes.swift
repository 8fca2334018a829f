import Foundation
import RxPrescriptions
import RxSignature
import RxWire

/// A verifier for unit tests: "signed" bytes are `FAKECMS` + one signer byte + the content.
/// Signer 0 is doctor-1 (79088), 1 is doctor-2 (01215), 2 is an expired certificate; anything else is
/// an untrusted signer.
struct FakeVerifier: SignatureVerifier {
    static let magic = Array("FAKECMS".utf8)

    static func sign(_ content: Prescription, signer: UInt8 = 0) -> [UInt8] {
        self.magic + [signer] + content.serializedBytes()
    }

    func verify(_ signed: [UInt8], at unixTime: Int64) throws -> VerifiedSignature {
        guard signed.count > Self.magic.count, Array(signed.prefix(Self.magic.count)) == Self.magic else {
            throw SignatureError.malformed("not a CMS structure")
        }
        let content = Array(signed.dropFirst(Self.magic.count + 1))
        switch signed[Self.magic.count] {
        case 0: return Self.signature(content, cchn: "000123/HCM-CCHN", name: "Nguyễn Thị Lan", facility: "79088", serial: "D1")
        case 1: return Self.signature(content, cchn: "004567/HNO-CCHN", name: "Trần Văn Minh", facility: "01215", serial: "D2")
        case 2: throw SignatureError.certificateExpired("certificate has expired")
        default: throw SignatureError.untrustedSigner("unable to get local issuer certificate")
        }
    }

    private static func signature(_ content: [UInt8], cchn: String, name: String, facility: String, serial: String)
        -> VerifiedSignature
    {
        VerifiedSignature(
            content: content, signerPractisingCertificate: cchn, signerName: name, signerFacilityCode: facility,
            signingTime: nil, certificateSerial: serial, notBefore: 0, notAfter: 4_000_000_000, certificateSHA256: "")
    }
}

/// A tiny catalog: amoxicillin (two equivalent brands), paracetamol, morphine (narcotic), diazepam
/// (psychotropic), warfarin, aspirin.
struct FakeProducts: ProductDirectory {
    static let amoxicillin = "VD-25123-18"
    static let amoxicillinGeneric = "VD-30000-19"
    static let paracetamol = "VD-11111-20"
    static let morphine = "QLĐB-123-21"
    static let diazepam = "VD-22222-20"
    static let warfarin = "VN-33333-19"
    static let aspirin = "VD-44444-20"

    static let catalog: [String: ProductFacts] = [
        amoxicillin: facts(amoxicillin, "Amoxicillin", "500 mg"),
        amoxicillinGeneric: facts(amoxicillinGeneric, "Amoxicillin", "500 mg"),
        paracetamol: facts(paracetamol, "Paracetamol", "500 mg"),
        morphine: facts(morphine, "Morphin", "10 mg", .narcotic),
        diazepam: facts(diazepam, "Diazepam", "5 mg", .psychotropic),
        warfarin: facts(warfarin, "Warfarin", "5 mg"),
        aspirin: facts(aspirin, "Aspirin", "81 mg"),
    ]

    static func facts(_ number: String, _ inn: String, _ strength: String, _ controlled: ControlledClass = .none)
        -> ProductFacts
    {
        ProductFacts(
            registrationNumber: number, ingredients: [.init(inn: inn, strength: strength)], dosageForm: "viên nén",
            route: "uống", controlledClass: controlled)
    }

    func product(registrationNumber: String) -> ProductFacts? { Self.catalog[registrationNumber] }

    func isEquivalent(_ a: String, _ b: String) -> Bool {
        guard let first = Self.catalog[a], let second = Self.catalog[b] else { return false }
        return first.ingredients == second.ingredients && first.dosageForm == second.dosageForm && first.route == second.route
    }

    func unitPriceVND(registrationNumber: String, on date: CivilDate) -> Int64? {
        registrationNumber == Self.amoxicillin ? 2_500 : nil
    }
}

/// Blocks warfarin with aspirin (across prescriptions too) unless acknowledged; warns on any ingredient
/// repeated from another active prescription.
struct FakeScreening: InteractionScreening {
    func screen(
        new: [ScreenedLine], active: [ScreenedLine], overrides: [(ingredientA: String, ingredientB: String)]
    ) -> ScreeningResult {
        var result = ScreeningResult()
        let all = new + active
        let ingredients = Set(all.flatMap(\.ingredients))
        if ingredients.contains("Warfarin"), ingredients.contains("Aspirin") {
            var alert = PrescriptionAlert()
            alert.severity = "major"
            alert.kind = "interaction"
            alert.ingredientA = "Warfarin"
            alert.ingredientB = "Aspirin"
            alert.message = "bleeding risk"
            alert.otherPrescriptionCode = active.first { !$0.ingredients.isEmpty }?.prescriptionCode ?? ""
            let acknowledgement = overrides.first { Set([$0.ingredientA, $0.ingredientB]) == ["Warfarin", "Aspirin"] }
            result.alerts.append(alert)
            if let acknowledgement {
                result.acknowledged.append(
                    AcknowledgedAlert(
                        alert: alert, overrideIngredientA: acknowledgement.ingredientA,
                        overrideIngredientB: acknowledgement.ingredientB))
            } else {
                result.blocking.append(alert)
            }
        }
        for line in new {
            for other in active where !Set(line.ingredients).isDisjoint(with: other.ingredients) {
                var alert = PrescriptionAlert()
                alert.severity = "warning"
                alert.kind = "duplicate-ingredient"
                alert.otherPrescriptionCode = other.prescriptionCode ?? ""
                result.alerts.append(alert)
            }
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
