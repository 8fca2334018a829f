import RxWire

/// The messages the benchmark encodes and decodes.
enum BenchMessages {
    static func prescription(lines count: Int) -> Prescription {
        var prescriber = Prescriber()
        prescriber.fullName = "BS.CKI Trần Văn Bình"
        prescriber.practisingCertificateNumber = "004512/HCM-CCHN"
        var patient = Patient()
        patient.fullName = "Lê Minh Khôi"
        patient.dateOfBirth = CivilDate(year: 2022, month: 3, day: 9)
        patient.ageInMonths = 44
        patient.weightGrams = 15_500
        patient.guardianName = "Lê Thị Mai"
        patient.sex = .male
        patient.citizenID = "079222012345"
        patient.healthInsuranceNumber = "TE1790123456789"
        patient.address = "12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh"
        var prescription = Prescription()
        prescription.facilityCode = "79088"
        prescription.prescriber = prescriber
        prescription.issuedAtUnixSeconds = 1_767_225_600
        prescription.patient = patient
        prescription.diagnoses = [
            Diagnosis(icd10Code: "J01.9", text: "Viêm xoang cấp, không đặc hiệu"),
            Diagnosis(icd10Code: "H66.9", text: "Viêm tai giữa, không đặc hiệu"),
        ]
        prescription.type = .ordinary
        prescription.lines = (1...count).map { number in
            var line = DrugLine()
            line.lineNumber = UInt32(number)
            line.registrationNumber = "VD-2512\(number)-18"
            line.brandName = "Augmentin 250mg/31.25mg"
            line.activeIngredients = [
                DrugLine.ActiveIngredient(inn: "Amoxicillin", strength: "250 mg"),
                DrugLine.ActiveIngredient(inn: "Acid clavulanic", strength: "31,25 mg"),
            ]
            line.dosageForm = "bột pha hỗn dịch uống"
            line.quantity = 14
            line.unit = "gói"
            var directions = DrugLine.Directions()
            directions.dose = "1 gói"
            directions.timesPerDay = 2
            directions.route = "uống"
            directions.timing = "sau ăn sáng và tối"
            line.directions = directions
            line.daysOfSupply = 7
            return line
        }
        prescription.advice = "Uống nhiều nước, ăn thức ăn mềm. Tái khám sau 7 ngày hoặc ngay khi sốt cao, khó thở."
        prescription.followUpDate = CivilDate(year: 2026, month: 1, day: 8)
        prescription.interactionOverrides = [
            InteractionOverride(ingredientA: "Amoxicillin", ingredientB: "Methotrexat", reason: "Đã theo dõi chức năng thận"),
        ]
        prescription.proposedCode = "79088k3f9a2q-C"
        return prescription
    }

    static func wireSample() -> WireSample {
        var sample = WireSample()
        sample.int32Value = -42
        sample.int64Value = 1 << 40
        sample.uint32Value = 300
        sample.uint64Value = UInt64.max
        sample.sint32Value = -7
        sample.sint64Value = -9_000_000_000
        sample.fixed32Value = 7
        sample.fixed64Value = 8
        sample.sfixed32Value = -9
        sample.sfixed64Value = -10
        sample.floatValue = 1.5
        sample.doubleValue = 2.25
        sample.boolValue = true
        sample.stringValue = "Nguyễn Thị Hương"
        sample.bytesValue = [UInt8](repeating: 0xAB, count: 64)
        sample.kind = .large
        sample.nested = WireSample.Nested(label: "lồng", amount: 3, deltas: [-1, 2, -3])
        sample.packedInt32 = Array(0..<32)
        sample.packedSint64 = (0..<16).map { -Int64($0) * 1_000 }
        sample.packedDouble = (0..<16).map { Double($0) / 3 }
        sample.tags = ["một", "hai", "ba"]
        sample.children = (0..<4).map { WireSample.Nested(label: "con \($0)", amount: Int64($0)) }
        sample.counters = ["a": 1, "b": 2, "ấ": 3]
        sample.nestedByID = [1: WireSample.Nested(label: "x"), 2: WireSample.Nested(label: "y")]
        sample.choice = .choiceText("lựa chọn")
        sample.optionalInt32 = 0
        sample.kinds = [.small, .large]
        sample.unpackedUint32 = [1, 2, 3]
        sample.packedFixed32 = [1, 2, 3, 4]
        sample.blobs = [[1, 2], [3]]
        sample.optionalString = "tùy chọn"
        sample.maxFieldNumber = 1
        return sample
    }
}
