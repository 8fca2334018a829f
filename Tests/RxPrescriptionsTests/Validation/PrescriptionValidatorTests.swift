import RxPrescriptions
import RxWire
import Testing

@Suite("Prescription content rules")
struct PrescriptionValidatorTests {
    let validator = PrescriptionValidator(products: FakeProducts(), now: Samples.issuedAt + 60)
    let hospital = FacilityRecord(facilityCode: "79088", name: "BV", hasInpatientBeds: true)
    let clinic = FacilityRecord(facilityCode: "01215", name: "PK", hasInpatientBeds: false)

    private func problems(_ content: Prescription, facility: FacilityRecord? = nil) -> String? {
        do {
            _ = try self.validator.validate(content, facility: facility ?? self.hospital)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("a complete ordinary prescription passes and is valid for exactly 5 days")
    func completePasses() throws {
        let validated = try self.validator.validate(Samples.ordinary(), facility: self.hospital)
        #expect(validated.validUntil == Samples.issuedAt + 5 * 86_400)
        #expect(!validated.masksIdentity)
        #expect(validated.products.map(\.registrationNumber) == [FakeProducts.amoxicillin, FakeProducts.paracetamol])
    }

    @Test("missing required fields are each named")
    func requiredFields() {
        var content = Samples.ordinary()
        content.prescriber = nil
        content.diagnoses = []
        content.patient?.fullName = ""
        let message = self.problems(content) ?? ""
        #expect(message.contains("prescriber.full_name is missing"))
        #expect(message.contains("practising_certificate_number is missing"))
        #expect(message.contains("at least one diagnosis"))
        #expect(message.contains("patient.full_name is missing"))
    }

    @Test("quantity 0, unknown products and missing directions are refused")
    func lineRules() {
        var content = Samples.ordinary()
        content.lines[0].quantity = 0
        content.lines[1].registrationNumber = "VD-99999-99"
        content.lines[1].directions = nil
        let message = self.problems(content) ?? ""
        #expect(message.contains("line 1: quantity must be greater than 0"))
        #expect(message.contains("VD-99999-99 is not in the drug catalog"))
        #expect(message.contains("line 2: directions are missing"))
    }

    @Test("days of supply: 30 ordinary, 90 chronic, 7 narcotic, 30 cancer pain, 10/30 psychotropic, 30 YHCT")
    func daysOfSupply() {
        var ordinary = Samples.ordinary()
        ordinary.lines[0].daysOfSupply = 30
        #expect(self.problems(ordinary) == nil)
        ordinary.lines[0].daysOfSupply = 31
        #expect(self.problems(ordinary)?.contains("exceeds 30 days") == true)
        ordinary.diagnoses.append(Diagnosis(icd10Code: "E11.9", text: "Đái tháo đường típ 2"))
        ordinary.lines[0].daysOfSupply = 90
        #expect(self.problems(ordinary) == nil)
        ordinary.lines[0].daysOfSupply = 91
        #expect(self.problems(ordinary)?.contains("exceeds 90 days") == true)

        var narcotic = Samples.narcotic()
        narcotic.diagnoses = [Diagnosis(icd10Code: "S72.0", text: "Gãy cổ xương đùi")]
        narcotic.lines[0].daysOfSupply = 7
        #expect(self.problems(narcotic) == nil)
        narcotic.lines[0].daysOfSupply = 8
        #expect(self.problems(narcotic)?.contains("exceeds 7 days") == true)
        narcotic.diagnoses = [Diagnosis(icd10Code: "C50.9", text: "Ung thư vú")]
        narcotic.lines[0].daysOfSupply = 30
        #expect(self.problems(narcotic) == nil)

        #expect(DaysOfSupplyLimit.limit(for: .psychotropicPrecursor, diagnoses: []).maximumDays == 10)
        #expect(DaysOfSupplyLimit.limit(for: .psychotropicPrecursor, diagnoses: [ICD10Code("F32.1")].compactMap { $0 }).maximumDays == 30)
        #expect(DaysOfSupplyLimit.limit(for: .traditionalMedicine, diagnoses: []).maximumDays == 30)
    }

    @Test("an issue time in the future or more than 5 days ago is refused")
    func issueTime() {
        var content = Samples.ordinary()
        content.issuedAtUnixSeconds = Samples.issuedAt + 60 + PrescriptionValidator.clockSkewSeconds + 1
        #expect(self.problems(content)?.contains("in the future") == true)
        content.issuedAtUnixSeconds = Samples.issuedAt + 60 - 5 * 86_400
        #expect(self.problems(content)?.contains("already be expired") == true)
    }

    @Test("controlled drugs only on their own type")
    func typeConsistency() {
        var content = Samples.ordinary(lines: [Samples.line(1, FakeProducts.morphine, inn: "Morphin")])
        #expect(self.problems(content)?.contains("must be on a narcotic (N) prescription") == true)
        content.lines = [Samples.line(1, FakeProducts.diazepam, inn: "Diazepam")]
        #expect(self.problems(content)?.contains("psychotropic/precursor (H)") == true)
        content.type = .psychotropicPrecursor
        #expect(self.problems(content) == nil)
        content.lines = [Samples.line(1, FakeProducts.paracetamol, inn: "Paracetamol")]
        #expect(self.problems(content)?.contains("must contain a psychotropic or precursor drug") == true)
    }

    @Test("narcotic prescriptions only from facilities with inpatient beds")
    func narcoticNeedsBeds() throws {
        #expect(self.problems(Samples.narcotic(), facility: self.hospital) == nil)
        #expect(throws: PrescriptionError.failedPrecondition(
            "facility 79088 may not issue narcotic (N) prescriptions: the register lists no inpatient beds (TT 26 Art. 7)")
        ) { try self.validator.validate(Samples.narcotic(), facility: self.clinic) }
        let error = #expect(throws: PrescriptionError.self) { try self.validator.validate(Samples.narcotic(), facility: nil) }
        #expect(error?.message.contains("not in the facility register") == true)
    }

    @Test("children under 72 months need age in months, weight and a guardian")
    func children() {
        var content = Samples.ordinary()
        content.patient?.dateOfBirth = CivilDate(year: 2023, month: 6, day: 1)
        let message = self.problems(content) ?? ""
        #expect(message.contains("age_in_months is required"))
        #expect(message.contains("weight_grams is required"))
        #expect(message.contains("guardian_name is required"))
        content.patient?.ageInMonths = 31
        content.patient?.weightGrams = 13_000
        content.patient?.guardianName = "Lê Thị Mai"
        #expect(self.problems(content) == nil)
        content.patient?.dateOfBirth = CivilDate(year: 2019, month: 12, day: 31)
        content.patient?.ageInMonths = nil
        content.patient?.weightGrams = nil
        content.patient?.guardianName = ""
        #expect(self.problems(content) == nil, "exactly 72 months on 2026-01-01 is no longer a child")
    }

    @Test("without a citizen ID, date of birth and address are required; identifiers are checked")
    func identifiers() {
        var content = Samples.ordinary(citizenID: "")
        content.patient?.dateOfBirth = nil
        content.patient?.address = ""
        let message = self.problems(content) ?? ""
        #expect(message.contains("date_of_birth is required"))
        #expect(message.contains("address is required"))
        content = Samples.ordinary(citizenID: "12345")
        content.patient?.healthInsuranceNumber = "XX9"
        let bad = self.problems(content) ?? ""
        #expect(bad.contains("citizen_id must be 12 digits"))
        #expect(bad.contains("health_insurance_number must be"))
    }

    @Test("HIV diagnoses mask identity; ICD-10 codes are checked")
    func diagnoses() throws {
        var content = Samples.ordinary()
        content.diagnoses.append(Diagnosis(icd10Code: "b20", text: "HIV"))
        #expect(try self.validator.validate(content, facility: self.hospital).masksIdentity)
        content.diagnoses.append(Diagnosis(icd10Code: "viêm", text: ""))
        #expect(self.problems(content)?.contains("is not an ICD-10 code") == true)
    }

    @Test("a proposed code must carry the facility prefix and the type letter")
    func proposedCode() {
        var content = Samples.ordinary()
        content.proposedCode = "01215abcdefg-C"
        #expect(self.problems(content)?.contains("does not start with the facility code 79088") == true)
        content.proposedCode = "79088abcdefg-N"
        #expect(self.problems(content)?.contains("ends in N") == true)
        content.proposedCode = "79088ABCDEFG-c"
        #expect(self.problems(content) == nil)
    }
}
