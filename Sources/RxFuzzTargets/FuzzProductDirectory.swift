import RxPrescriptions
import RxWire

/// A catalog that knows every registration number, so fuzzed prescriptions get past "not in the drug
/// catalog" into the line, dose and controlled-substance rules. The number's last character picks the
/// controlled class, so every class is reachable; numbers that share their first character are
/// equivalent (substitution rules).
struct FuzzProductDirectory: ProductDirectory {
    func product(registrationNumber: String) -> ProductFacts? {
        guard !registrationNumber.isEmpty else { return nil }
        let classes: [ControlledClass] = [.none, .narcotic, .psychotropic, .precursor]
        let selector = Int(registrationNumber.utf8.last ?? 0) % classes.count
        return ProductFacts(
            registrationNumber: registrationNumber, ingredients: [.init(inn: "paracetamol", strength: "500 mg")],
            dosageForm: "viên nén", route: "uống", controlledClass: classes[selector],
            prescriptionOnly: selector != 0, atcCodes: ["N02BE01"])
    }

    func isEquivalent(_ a: String, _ b: String) -> Bool {
        a.first == b.first
    }

    func unitPriceVND(registrationNumber: String, on date: CivilDate) -> Int64? {
        registrationNumber.isEmpty ? nil : 1_000
    }
}
