import Foundation
import RxWire

extension Fixtures {
    /// An ordinary prescription from the hospital (79088, doctor-1) for patient number `index`: one
    /// line of ten paracetamol tablets, so it can be dispensed ten times one unit at a time.
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
