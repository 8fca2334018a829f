import RxWire

extension ConformanceSample {
    /// A complete paediatric prescription with Vietnamese text in every string field.
    static let prescription = ConformanceSample(name: "Prescription", message: {
        var prescriber = Prescriber()
        prescriber.fullName = "BS. Trần Văn Bình"
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
        patient.address = "12 Nguyễn Huệ, Phường Bến Nghé, TP. Hồ Chí Minh"
        var line = DrugLine()
        line.lineNumber = 1
        line.registrationNumber = "VD-25123-18"
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
        line.doNotSubstitute = true
        var prescription = Prescription()
        prescription.facilityCode = "79088"
        prescription.prescriber = prescriber
        prescription.issuedAtUnixSeconds = 1_767_225_600
        prescription.patient = patient
        prescription.diagnoses = [
            Diagnosis(icd10Code: "J01.9", text: "Viêm xoang cấp"),
            Diagnosis(icd10Code: "H66.9", text: "Viêm tai giữa"),
        ]
        prescription.type = .ordinary
        prescription.lines = [line]
        prescription.advice = "Uống nhiều nước. Tái khám sau 7 ngày hoặc khi sốt cao."
        prescription.followUpDate = CivilDate(year: 2026, month: 1, day: 8)
        prescription.interactionOverrides = [
            InteractionOverride(ingredientA: "Amoxicillin", ingredientB: "Methotrexat", reason: "Đã theo dõi chức năng thận"),
        ]
        prescription.proposedCode = "79088k3f9a2q-C"
        prescription.replacesCode = "79088zz0000a-C"
        return prescription
    }(), text: """
        facility_code: "79088"
        prescriber { full_name: "BS. Trần Văn Bình" practising_certificate_number: "004512/HCM-CCHN" }
        issued_at_unix_seconds: 1767225600
        patient {
          full_name: "Lê Minh Khôi"
          date_of_birth { year: 2022 month: 3 day: 9 }
          age_in_months: 44
          weight_grams: 15500
          guardian_name: "Lê Thị Mai"
          sex: SEX_MALE
          citizen_id: "079222012345"
          health_insurance_number: "TE1790123456789"
          address: "12 Nguyễn Huệ, Phường Bến Nghé, TP. Hồ Chí Minh"
        }
        diagnoses { icd10_code: "J01.9" text: "Viêm xoang cấp" }
        diagnoses { icd10_code: "H66.9" text: "Viêm tai giữa" }
        type: PRESCRIPTION_TYPE_ORDINARY
        lines {
          line_number: 1
          registration_number: "VD-25123-18"
          brand_name: "Augmentin 250mg/31.25mg"
          active_ingredients { inn: "Amoxicillin" strength: "250 mg" }
          active_ingredients { inn: "Acid clavulanic" strength: "31,25 mg" }
          dosage_form: "bột pha hỗn dịch uống"
          quantity: 14
          unit: "gói"
          directions { dose: "1 gói" times_per_day: 2 route: "uống" timing: "sau ăn sáng và tối" }
          days_of_supply: 7
          do_not_substitute: true
        }
        advice: "Uống nhiều nước. Tái khám sau 7 ngày hoặc khi sốt cao."
        follow_up_date { year: 2026 month: 1 day: 8 }
        interaction_overrides { ingredient_a: "Amoxicillin" ingredient_b: "Methotrexat" reason: "Đã theo dõi chức năng thận" }
        proposed_code: "79088k3f9a2q-C"
        replaces_code: "79088zz0000a-C"
        """)
}
