import RxSignature
import RxWire

/// A pseudonymous key for finding a patient's other prescriptions without storing or scanning their
/// identifiers: SHA-256 of a normalized identifier.
///
/// A patient may be known by a 12-digit citizen ID and/or a health-insurance number. The insurance
/// number's last 10 digits are the lifelong BHXH number (domain.md §2), so a 15-character card number
/// is keyed by those digits and stays the same when the card's group or benefit level changes; a
/// 12-digit number in the insurance field is a citizen ID (accepted as BHYT number since 08/2025).
public enum PatientKey {
    /// The keys under which a prescription for `patient` is filed (0, 1 or 2 keys).
    public static func keys(for patient: Patient) -> [[UInt8]] {
        var keys: [[UInt8]] = []
        if self.isCitizenID(patient.citizenID) {
            keys.append(SHA256.hash(Array("citizen:\(patient.citizenID)".utf8)))
        }
        let insurance = patient.healthInsuranceNumber.uppercased()
        let bytes = Array(insurance.utf8)
        if bytes.count == 15, self.isHealthInsuranceNumber(insurance) {
            keys.append(SHA256.hash(Array("bhxh:".utf8) + bytes.suffix(10)))
        } else if bytes.count == 10, bytes.allSatisfy(ASCII.isDigit) {
            keys.append(SHA256.hash(Array("bhxh:".utf8) + bytes))
        } else if self.isCitizenID(insurance) {
            keys.append(SHA256.hash(Array("citizen:\(insurance)".utf8)))
        }
        var unique: [[UInt8]] = []
        for key in keys where !unique.contains(key) { unique.append(key) }
        return unique
    }

    /// 12 ASCII digits.
    public static func isCitizenID(_ value: String) -> Bool {
        value.utf8.count == 12 && value.utf8.allSatisfy(ASCII.isDigit)
    }

    /// 15 characters (2 letters, benefit level 1-5, 12 digits), or 10 digits (BHXH number), or 12 digits
    /// (citizen ID).
    public static func isHealthInsuranceNumber(_ value: String) -> Bool {
        let bytes = Array(value.uppercased().utf8)
        switch bytes.count {
        case 15:
            return bytes[0..<2].allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
                && (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[2])
                && bytes[3...].allSatisfy(ASCII.isDigit)
        case 10, 12:
            return bytes.allSatisfy(ASCII.isDigit)
        default:
            return false
        }
    }
}
