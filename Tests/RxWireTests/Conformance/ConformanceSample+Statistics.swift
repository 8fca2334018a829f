import RxWire

extension ConformanceSample {
    /// Samples for `rx/v1/statistics.proto`: together they set every field of every statistics message.
    static let statistics: [ConformanceSample] = [
        .statisticsQuery, .statisticsRow, .statisticsTopNRequest, .statisticsTopNEntry, .statisticsRatesRequest,
        .statisticsRates, .controlledSubstanceAlertsRequest, .controlledSubstanceAlert,
    ]

    static let statisticsQuery = ConformanceSample(name: "StatisticsQuery", message: {
        var query = StatisticsQuery()
        query.fromUnixSeconds = 1_767_200_400
        query.toUnixSeconds = -1
        query.groupBy = [.month, .province, .atc, StatisticsDimension(rawValue: 77)]
        query.atcLevel = 3
        query.facilityCodes = ["79088", ""]
        query.provinces = ["79", "01"]
        query.ingredients = ["morphine"]
        query.atcPrefixes = ["N02", "J01C"]
        query.types = [.narcotic, PrescriptionType(rawValue: 9)]
        return query
    }(), text: """
        from_unix_seconds: 1767200400
        to_unix_seconds: -1
        group_by: [STATISTICS_DIMENSION_MONTH, STATISTICS_DIMENSION_PROVINCE, STATISTICS_DIMENSION_ATC, 77]
        atc_level: 3
        facility_codes: ["79088", ""]
        provinces: ["79", "01"]
        ingredients: ["morphine"]
        atc_prefixes: ["N02", "J01C"]
        types: [PRESCRIPTION_TYPE_NARCOTIC, 9]
        """)

    static let statisticsRow = ConformanceSample(name: "StatisticsRow", message: {
        var row = StatisticsRow()
        row.keys = ["2026-03", "Hồ Chí Minh"]
        row.suppressed = true
        row.issued = 1
        row.dispensedFully = 2
        row.dispensedPartly = 3
        row.cancelled = 4
        row.expired = 5
        row.quantityPrescribed = UInt64.max
        row.quantityDispensed = 7
        row.valueReferenceVND = -8
        row.valueChargedVND = 9_000_000_000
        row.distinctPatients = 10
        return row
    }(), text: """
        keys: ["2026-03", "Hồ Chí Minh"]
        suppressed: true
        issued: 1
        dispensed_fully: 2
        dispensed_partly: 3
        cancelled: 4
        expired: 5
        quantity_prescribed: 18446744073709551615
        quantity_dispensed: 7
        value_reference_vnd: -8
        value_charged_vnd: 9000000000
        distinct_patients: 10
        """)

    static let statisticsTopNRequest = ConformanceSample(name: "StatisticsTopNRequest", message: {
        var request = StatisticsTopNRequest()
        request.fromUnixSeconds = 1
        request.toUnixSeconds = 2
        request.measure = .value
        request.limit = 20
        request.provinces = ["48"]
        request.atcPrefixes = ["N"]
        request.subject = .product
        return request
    }(), text: """
        from_unix_seconds: 1
        to_unix_seconds: 2
        measure: STATISTICS_TOP_N_MEASURE_VALUE
        limit: 20
        provinces: ["48"]
        atc_prefixes: ["N"]
        subject: STATISTICS_TOP_N_SUBJECT_PRODUCT
        """)

    static let statisticsTopNEntry = ConformanceSample(name: "StatisticsTopNEntry", message: {
        var entry = StatisticsTopNEntry()
        entry.rank = 1
        entry.ingredient = "amoxicillin"
        entry.prescriptions = 12_345
        entry.quantityDispensed = 300
        entry.valueChargedVND = 1_250_000
        entry.suppressed = true
        entry.registrationNumber = "VD-12345-10"
        entry.productName = "Amoxicillin 500 mg"
        return entry
    }(), text: """
        rank: 1
        ingredient: "amoxicillin"
        prescriptions: 12345
        quantity_dispensed: 300
        value_charged_vnd: 1250000
        suppressed: true
        registration_number: "VD-12345-10"
        product_name: "Amoxicillin 500 mg"
        """)

    static let statisticsRatesRequest = ConformanceSample(name: "StatisticsRatesRequest", message: {
        var request = StatisticsRatesRequest()
        request.fromUnixSeconds = 100
        request.toUnixSeconds = 200
        request.facilityCodes = ["01215"]
        request.provinces = ["01", "79"]
        return request
    }(), text: """
        from_unix_seconds: 100
        to_unix_seconds: 200
        facility_codes: ["01215"]
        provinces: ["01", "79"]
        """)

    static let statisticsRates = ConformanceSample(name: "StatisticsRates", message: {
        var rates = StatisticsRates()
        rates.prescriptions = 1_000
        rates.dispensed = 850
        rates.dispensingRate = 0.85
        rates.medianSecondsToFirstDispense = 5_400
        rates.genericSubstitutionRate = 0.125
        rates.interactionAlertShare = 0.25
        rates.overrideShare = 0.5
        rates.suppressed = true
        return rates
    }(), text: """
        prescriptions: 1000
        dispensed: 850
        dispensing_rate: 0.85
        median_seconds_to_first_dispense: 5400
        generic_substitution_rate: 0.125
        interaction_alert_share: 0.25
        override_share: 0.5
        suppressed: true
        """)

    static let controlledSubstanceAlertsRequest = ConformanceSample(name: "ControlledSubstanceAlertsRequest", message: {
        var request = ControlledSubstanceAlertsRequest()
        request.fromUnixSeconds = 1_760_000_000
        request.toUnixSeconds = 1_767_776_000
        request.minPrescribers = 3
        request.minPharmacies = 4
        return request
    }(), text: """
        from_unix_seconds: 1760000000
        to_unix_seconds: 1767776000
        min_prescribers: 3
        min_pharmacies: 4
        """)

    static let controlledSubstanceAlert = ConformanceSample(name: "ControlledSubstanceAlert", message: {
        var alert = ControlledSubstanceAlert()
        alert.kind = .overlappingSupply
        alert.patientKey = "9f86d081884c7d65"
        alert.patientName = "Trần Văn Bình"
        alert.substanceClass = "narcotic"
        alert.prescribers = 3
        alert.pharmacies = 2
        alert.prescriptionCodes = ["79088000001N", "01215000002N"]
        alert.overlappingDays = 6
        return alert
    }(), text: """
        kind: CONTROLLED_ALERT_KIND_OVERLAPPING_SUPPLY
        patient_key: "9f86d081884c7d65"
        patient_name: "Trần Văn Bình"
        substance_class: "narcotic"
        prescribers: 3
        pharmacies: 2
        prescription_codes: ["79088000001N", "01215000002N"]
        overlapping_days: 6
        """)
}
