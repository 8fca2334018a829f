import RxWire

/// The content rules a prescription must satisfy before it is stored (domain.md §3; TT 26 Art. 6-9,
/// TT 55). Pure: everything it needs is passed in, so each rule is unit-tested without a database.
public struct PrescriptionValidator: Sendable {
    /// Validity from the issue time: 5 days (TT 26 Art. 12 k9b; TT 55 Art. 11 k1).
    public static let validitySeconds: Int64 = 5 * 86_400
    /// How far in the future an issue time may lie, for clock differences between systems.
    public static let clockSkewSeconds: Int64 = 300
    /// Children under this age need age in months, weight and a guardian (TT 26 Art. 6).
    public static let childAgeMonths = 72
    /// Most lines one prescription may carry.
    public static let maximumLines = 100

    public let products: any ProductDirectory
    /// "Now", Unix seconds.
    public let now: Int64

    public init(products: any ProductDirectory, now: Int64) {
        self.products = products
        self.now = now
    }

    /// Checks `content` and returns it with its catalog entries.
    ///
    /// - Parameter facility: the issuing facility's register entry, or nil when it is not registered.
    /// - Throws: `INVALID_ARGUMENT` listing every problem found in the content; `FAILED_PRECONDITION`
    ///   when the content is fine but the facility may not issue this type.
    public func validate(_ content: Prescription, facility: FacilityRecord?) throws(PrescriptionError)
        -> ValidatedPrescription
    {
        var problems: [String] = []
        self.checkHeader(content, into: &problems)
        self.checkPatient(content, into: &problems)
        let diagnoses = self.checkDiagnoses(content, into: &problems)
        let products = self.checkLines(content, diagnoses: diagnoses, into: &problems)
        if let proposed = content.proposedCode {
            self.checkProposedCode(proposed, content: content, into: &problems)
        }
        guard problems.isEmpty else {
            throw .invalidArgument("prescription rejected: " + problems.joined(separator: "; "))
        }
        if content.type == .narcotic {
            guard let facility, facility.hasInpatientBeds else {
                throw .failedPrecondition(
                    "facility \(content.facilityCode) may not issue narcotic (N) prescriptions: "
                        + (facility == nil ? "it is not in the facility register" : "the register lists no inpatient beds")
                        + " (TT 26 Art. 7)")
            }
        }
        return ValidatedPrescription(
            content: content, products: products, diagnoses: diagnoses,
            masksIdentity: diagnoses.contains(where: \.isHIV),
            validUntil: content.issuedAtUnixSeconds + Self.validitySeconds)
    }

    private func checkHeader(_ content: Prescription, into problems: inout [String]) {
        if content.facilityCode.isEmpty { problems.append("facility_code is missing") }
        if content.prescriber?.fullName.isEmpty ?? true { problems.append("prescriber.full_name is missing") }
        if content.prescriber?.practisingCertificateNumber.isEmpty ?? true {
            problems.append("prescriber.practising_certificate_number is missing")
        }
        if content.issuedAtUnixSeconds <= 0 {
            problems.append("issued_at_unix_seconds is missing")
        } else if content.issuedAtUnixSeconds > self.now + Self.clockSkewSeconds {
            problems.append("issued_at_unix_seconds \(content.issuedAtUnixSeconds) is in the future (now \(self.now))")
        } else if content.issuedAtUnixSeconds + Self.validitySeconds <= self.now {
            problems.append("issued_at_unix_seconds \(content.issuedAtUnixSeconds) is more than 5 days ago: the prescription would already be expired")
        }
        if ![PrescriptionType.ordinary, .narcotic, .psychotropicPrecursor, .traditionalMedicine].contains(content.type) {
            problems.append("type is \(content.type.name); choose ordinary, narcotic, psychotropic/precursor or traditional medicine")
        }
        if let followUp = content.followUpDate, !followUp.isPlausible {
            problems.append("follow_up_date \(followUp.year)-\(followUp.month)-\(followUp.day) is not a calendar date")
        }
        for (index, override) in content.interactionOverrides.enumerated()
        where override.ingredientA.isEmpty || override.ingredientB.isEmpty || override.reason.isEmpty {
            problems.append("interaction_overrides[\(index)] needs both ingredients and a reason")
        }
    }

    private func checkPatient(_ content: Prescription, into problems: inout [String]) {
        guard let patient = content.patient else {
            problems.append("patient is missing")
            return
        }
        if patient.fullName.isEmpty { problems.append("patient.full_name is missing") }
        if !patient.citizenID.isEmpty, !PatientKey.isCitizenID(patient.citizenID) {
            problems.append("patient.citizen_id must be 12 digits")
        }
        if !patient.healthInsuranceNumber.isEmpty, !PatientKey.isHealthInsuranceNumber(patient.healthInsuranceNumber) {
            problems.append("patient.health_insurance_number must be 15 characters (e.g. HT4790123456789), 10 digits or 12 digits")
        }
        // With a citizen ID, sex, date of birth and address may be left out (TT 26 Art. 6).
        if patient.citizenID.isEmpty {
            if patient.dateOfBirth == nil { problems.append("patient.date_of_birth is required without a citizen ID") }
            if patient.address.isEmpty { problems.append("patient.address is required without a citizen ID") }
        }
        var ageInMonths = patient.ageInMonths.map(Int.init)
        if let birth = patient.dateOfBirth {
            let issued = CivilDate.inVietnam(at: content.issuedAtUnixSeconds)
            if !birth.isPlausible {
                problems.append("patient.date_of_birth is not a calendar date")
            } else if birth.wholeMonths(until: issued) < 0 {
                problems.append("patient.date_of_birth is after the issue date")
            } else if ageInMonths == nil {
                ageInMonths = birth.wholeMonths(until: issued)
            }
        }
        if let months = ageInMonths, months < Self.childAgeMonths {
            if patient.ageInMonths == nil { problems.append("patient.age_in_months is required for a child under 72 months") }
            if (patient.weightGrams ?? 0) == 0 { problems.append("patient.weight_grams is required for a child under 72 months") }
            if patient.guardianName.isEmpty { problems.append("patient.guardian_name is required for a child under 72 months") }
        }
    }

    private func checkDiagnoses(_ content: Prescription, into problems: inout [String]) -> [ICD10Code] {
        if content.diagnoses.isEmpty { problems.append("at least one diagnosis is required") }
        var codes: [ICD10Code] = []
        for (index, diagnosis) in content.diagnoses.enumerated() {
            if let code = ICD10Code(diagnosis.icd10Code) {
                codes.append(code)
            } else {
                problems.append("diagnoses[\(index)].icd10_code \"\(diagnosis.icd10Code.prefix(20))\" is not an ICD-10 code")
            }
        }
        return codes
    }
}
