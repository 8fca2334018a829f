import RxPrescriptions
import RxTransport
import RxWire

/// Sample prescriptions and callers.
enum Samples {
    /// 2026-01-01T00:00:00Z.
    static let issuedAt: Int64 = 1_767_225_600

    static let hospital = FacilityIdentity(
        facilityCode: "79088", facilityName: "Bệnh viện", roles: [.prescriber], certificateSerial: "H", notAfter: .max)
    static let clinic = FacilityIdentity(
        facilityCode: "01215", facilityName: "Phòng khám", roles: [.prescriber], certificateSerial: "C", notAfter: .max)
    static let pharmacy = FacilityIdentity(
        facilityCode: "48102", facilityName: "Nhà thuốc", roles: [.pharmacy], certificateSerial: "P", notAfter: .max)
    static let pharmacy2 = FacilityIdentity(
        facilityCode: "92031", facilityName: "Nhà thuốc 2", roles: [.pharmacy], certificateSerial: "P2", notAfter: .max)
    static let regulator = FacilityIdentity(
        facilityCode: "01QLD", facilityName: "Cục Quản lý Dược", roles: [.regulator], certificateSerial: "R", notAfter: .max)

    static func line(
        _ number: UInt32, _ registration: String, quantity: UInt32 = 20, days: UInt32 = 5, inn: String = "Amoxicillin",
        doNotSubstitute: Bool = false
    ) -> DrugLine {
        var line = DrugLine()
        line.lineNumber = number
        line.registrationNumber = registration
        line.activeIngredients = [DrugLine.ActiveIngredient(inn: inn, strength: "500 mg")]
        line.dosageForm = "viên nén"
        line.quantity = quantity
        line.unit = "viên"
        var directions = DrugLine.Directions()
        directions.dose = "1 viên"
        directions.timesPerDay = 2
        directions.route = "uống"
        line.directions = directions
        line.daysOfSupply = days
        line.doNotSubstitute = doNotSubstitute
        return line
    }

    /// An adult ordinary prescription from the hospital (doctor-1).
    static func ordinary(citizenID: String = "079085012345", lines: [DrugLine]? = nil) -> Prescription {
        var prescriber = Prescriber()
        prescriber.fullName = "Nguyễn Thị Lan"
        prescriber.practisingCertificateNumber = "000123/HCM-CCHN"
        var patient = Patient()
        patient.fullName = "Lê Văn An"
        patient.dateOfBirth = CivilDate(year: 1985, month: 4, day: 2)
        patient.sex = .male
        patient.citizenID = citizenID
        patient.address = "12 Nguyễn Huệ, TP. Hồ Chí Minh"
        var content = Prescription()
        content.facilityCode = "79088"
        content.prescriber = prescriber
        content.issuedAtUnixSeconds = issuedAt
        content.patient = patient
        content.diagnoses = [Diagnosis(icd10Code: "J01.9", text: "Viêm xoang cấp")]
        content.type = .ordinary
        content.lines = lines ?? [
            line(1, FakeProducts.amoxicillin, quantity: 20),
            line(2, FakeProducts.paracetamol, quantity: 10, inn: "Paracetamol"),
        ]
        return content
    }

    static func narcotic() -> Prescription {
        var content = self.ordinary()
        content.type = .narcotic
        content.diagnoses = [Diagnosis(icd10Code: "C50.9", text: "Ung thư vú")]
        content.lines = [line(1, FakeProducts.morphine, quantity: 30, days: 10, inn: "Morphin")]
        return content
    }

    /// The same prescriber as `ordinary()` but at the clinic (doctor-2).
    static func fromClinic(_ content: Prescription) -> Prescription {
        var content = content
        content.facilityCode = "01215"
        content.prescriber?.fullName = "Trần Văn Minh"
        content.prescriber?.practisingCertificateNumber = "004567/HNO-CCHN"
        return content
    }

    static func submit(_ content: Prescription, key: String = "k1", signer: UInt8 = 0) -> SubmitPrescriptionRequest {
        var request = SubmitPrescriptionRequest()
        request.signedPrescription = FakeVerifier.sign(content, signer: signer)
        request.idempotencyKey = key
        return request
    }

    static func dispense(_ code: String, key: String, _ lines: [(UInt32, UInt32)], product: String = "")
        -> DispensePrescriptionRequest
    {
        var request = DispensePrescriptionRequest()
        request.code = code
        request.idempotencyKey = key
        request.lines = lines.map { number, quantity in
            var line = DispensedLine()
            line.lineNumber = number
            line.quantity = quantity
            line.registrationNumber = product
            line.unitPriceVND = 3_000
            return line
        }
        return request
    }
}
