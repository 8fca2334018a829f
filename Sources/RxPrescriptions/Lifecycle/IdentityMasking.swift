import RxWire

/// Hides who the patient is on lookups of HIV/AIDS prescriptions by anyone but the issuing facility
/// (QĐ 425 Art. 9 k5): name, identifiers, address, date of birth and guardian are blanked; age in
/// months, weight and sex stay because dispensing needs them.
public enum IdentityMasking {
    /// What replaces the patient's name.
    public static let maskedName = "(ẩn danh)"

    public static func masked(_ content: Prescription) -> Prescription {
        var content = content
        guard var patient = content.patient else { return content }
        patient.fullName = self.maskedName
        patient.citizenID = ""
        patient.healthInsuranceNumber = ""
        patient.address = ""
        patient.dateOfBirth = nil
        patient.guardianName = patient.guardianName.isEmpty ? "" : self.maskedName
        content.patient = patient
        return content
    }
}
