import RxWire

extension ConformanceSample {
    /// Samples for `rx/v1/drugs.proto`: together they set every field of every drugs message.
    static let drugs: [ConformanceSample] = [
        .getProductRequest, .getProductResponse, .searchProductsRequest, .searchProductsResponse,
        .getPriceRequest, .getPriceResponse, .quoteLinesRequest, .quoteLinesResponse,
        .reloadCatalogRequest, .reloadCatalogResponse, .checkInteractionsRequest, .checkInteractionsResponse,
    ]

    static let drugProduct: DrugProduct = {
        var product = DrugProduct()
        product.registrationNumber = "QLĐB-657-18"
        product.brandName = "Morphin 10 mg/ml"
        product.ingredients = [DrugLine.ActiveIngredient(inn: "morphine", strength: "10 mg/ml")]
        product.dosageForm = "dung dịch tiêm"
        product.route = "tiêm"
        product.unit = "ống"
        product.packSize = "Hộp 10 ống x 1 ml"
        product.manufacturer = "Công ty CP Dược phẩm Trung ương 1"
        product.country = "Việt Nam"
        product.atcCodes = ["N02AA01", "A07DA52"]
        product.controlClass = .narcotic
        product.prescriptionOnly = true
        var old = DrugPrice()
        old.unitPriceVND = 4_200
        old.effectiveDate = CivilDate(year: 2023, month: 1, day: 15)
        old.declaringCompany = "Công ty CP Dược phẩm Trung ương 1"
        var current = DrugPrice()
        current.unitPriceVND = 9_000_000_000
        current.effectiveDate = CivilDate(year: 2025, month: 7, day: 1)
        product.prices = [old, current]
        return product
    }()

    static let drugProductText = """
        registration_number: "QLĐB-657-18"
        brand_name: "Morphin 10 mg/ml"
        ingredients { inn: "morphine" strength: "10 mg/ml" }
        dosage_form: "dung dịch tiêm"
        route: "tiêm"
        unit: "ống"
        pack_size: "Hộp 10 ống x 1 ml"
        manufacturer: "Công ty CP Dược phẩm Trung ương 1"
        country: "Việt Nam"
        atc_codes: ["N02AA01", "A07DA52"]
        control_class: DRUG_CONTROL_CLASS_NARCOTIC
        prescription_only: true
        prices { unit_price_vnd: 4200 effective_date { year: 2023 month: 1 day: 15 } declaring_company: "Công ty CP Dược phẩm Trung ương 1" }
        prices { unit_price_vnd: 9000000000 effective_date { year: 2025 month: 7 day: 1 } }
        """

    static let getProductRequest = ConformanceSample(name: "GetProductRequest", message: {
        var request = GetProductRequest()
        request.registrationNumber = "vd-25123-18"
        return request
    }(), text: #"registration_number: "vd-25123-18""#)

    static let getProductResponse = ConformanceSample(name: "GetProductResponse", message: {
        var response = GetProductResponse()
        response.product = drugProduct
        response.catalogVersion = UInt64.max
        return response
    }(), text: "product {\n\(drugProductText)\n}\ncatalog_version: 18446744073709551615")

    static let searchProductsRequest = ConformanceSample(name: "SearchProductsRequest", message: {
        var request = SearchProductsRequest()
        request.query = "thuốc ho"
        request.pageSize = 25
        request.pageToken = "djE6MjA6YWJj"
        return request
    }(), text: """
        query: "thuốc ho"
        page_size: 25
        page_token: "djE6MjA6YWJj"
        """)

    static let searchProductsResponse = ConformanceSample(name: "SearchProductsResponse", message: {
        var hit = SearchHit()
        hit.product = drugProduct
        hit.match = .prefix
        hit.matchedField = "brand_name"
        var other = SearchHit()
        other.match = SearchMatch(rawValue: 42)
        var response = SearchProductsResponse()
        response.hits = [hit, other]
        response.nextPageToken = "next"
        response.totalMatches = 137
        response.catalogVersion = 7
        return response
    }(), text: """
        hits { product {
        \(drugProductText)
        } match: SEARCH_MATCH_PREFIX matched_field: "brand_name" }
        hits { match: 42 }
        next_page_token: "next"
        total_matches: 137
        catalog_version: 7
        """)

    static let getPriceRequest = ConformanceSample(name: "GetPriceRequest", message: {
        var request = GetPriceRequest()
        request.registrationNumber = "893114458325"
        request.date = CivilDate(year: 2025, month: 12, day: 31)
        return request
    }(), text: """
        registration_number: "893114458325"
        date { year: 2025 month: 12 day: 31 }
        """)

    static let getPriceResponse = ConformanceSample(name: "GetPriceResponse", message: {
        var price = DrugPrice()
        price.unitPriceVND = 1_250
        price.effectiveDate = CivilDate(year: 2024, month: 2, day: 29)
        price.declaringCompany = "Công ty CP Dược Hậu Giang"
        var response = GetPriceResponse()
        response.registrationNumber = "893114458325"
        response.date = CivilDate(year: 2025, month: 1, day: 1)
        response.price = price
        response.catalogVersion = 3
        return response
    }(), text: """
        registration_number: "893114458325"
        date { year: 2025 month: 1 day: 1 }
        price { unit_price_vnd: 1250 effective_date { year: 2024 month: 2 day: 29 } declaring_company: "Công ty CP Dược Hậu Giang" }
        catalog_version: 3
        """)

    static let quoteLinesRequest = ConformanceSample(name: "QuoteLinesRequest", message: {
        var request = QuoteLinesRequest()
        request.lines = [
            QuoteLine(registrationNumber: "VD-25123-18", quantity: 20), QuoteLine(registrationNumber: "", quantity: 0),
        ]
        request.date = CivilDate(year: 2026, month: 1, day: 2)
        return request
    }(), text: """
        lines { registration_number: "VD-25123-18" quantity: 20 }
        lines { }
        date { year: 2026 month: 1 day: 2 }
        """)

    static let quoteLinesResponse = ConformanceSample(name: "QuoteLinesResponse", message: {
        var line = QuotedLine()
        line.registrationNumber = "VN-20461-17"
        line.brandName = "Lipitor 20 mg"
        line.quantity = 30
        line.unitPriceVND = 15_300
        line.lineTotalVND = 459_000
        line.cheapestRegistrationNumber = "VD-31002-19"
        line.cheapestBrandName = "Atorvastatin 20 Stada"
        line.cheapestUnitPriceVND = 1_100
        line.cheapestLineTotalVND = 33_000
        var response = QuoteLinesResponse()
        response.lines = [line]
        response.totalVND = 459_000
        response.cheapestTotalVND = 33_000
        response.savingVND = 426_000
        response.date = CivilDate(year: 2026, month: 1, day: 2)
        response.catalogVersion = 11
        return response
    }(), text: """
        lines {
          registration_number: "VN-20461-17" brand_name: "Lipitor 20 mg" quantity: 30
          unit_price_vnd: 15300 line_total_vnd: 459000
          cheapest_registration_number: "VD-31002-19" cheapest_brand_name: "Atorvastatin 20 Stada"
          cheapest_unit_price_vnd: 1100 cheapest_line_total_vnd: 33000
        }
        total_vnd: 459000
        cheapest_total_vnd: 33000
        saving_vnd: 426000
        date { year: 2026 month: 1 day: 2 }
        catalog_version: 11
        """)

    static let reloadCatalogRequest = ConformanceSample(
        name: "ReloadCatalogRequest", message: ReloadCatalogRequest(), text: "")

    static let reloadCatalogResponse = ConformanceSample(name: "ReloadCatalogResponse", message: {
        var response = ReloadCatalogResponse()
        response.catalogVersion = 0x8000_0000_0000_0001
        response.changed = true
        response.productCount = 1_204
        response.ingredientCount = 331
        response.priceCount = 2_950
        return response
    }(), text: """
        catalog_version: 9223372036854775809
        changed: true
        product_count: 1204
        ingredient_count: 331
        price_count: 2950
        """)

    static let checkInteractionsRequest = ConformanceSample(name: "CheckInteractionsRequest", message: {
        var byNumber = InteractionItem()
        byNumber.item = .registrationNumber("VD-25123-18")
        var byIngredient = InteractionItem()
        byIngredient.item = .ingredient("warfarin")
        var request = CheckInteractionsRequest()
        request.items = [byNumber, byIngredient, InteractionItem()]
        request.patientID = "HT4790123456789"
        return request
    }(), text: """
        items { registration_number: "VD-25123-18" }
        items { ingredient: "warfarin" }
        items { }
        patient_id: "HT4790123456789"
        """)

    static let checkInteractionsResponse = ConformanceSample(name: "CheckInteractionsResponse", message: {
        var alert = InteractionAlert()
        alert.severity = .major
        alert.kind = .drugInteraction
        alert.drugA = "Sintrom 4 mg"
        alert.drugB = "Aspirin 81 mg"
        alert.ingredientA = "acenocoumarol"
        alert.ingredientB = "acetylsalicylic acid"
        alert.clinicalEffect = "Tăng nguy cơ chảy máu"
        alert.mechanism = "Cộng hợp tác dụng chống đông và kháng tiểu cầu"
        alert.management = "Tránh phối hợp; nếu bắt buộc, theo dõi INR"
        alert.source = "rx sample rules"
        alert.otherPrescriptionCode = "79088k3f9a2q-C"
        alert.ruleID = "anticoagulant+antiplatelet"
        var duplicate = InteractionAlert()
        duplicate.severity = .minor
        duplicate.kind = .duplicateTherapy
        var response = CheckInteractionsResponse()
        response.alerts = [alert, duplicate]
        return response
    }(), text: """
        alerts {
          severity: INTERACTION_SEVERITY_MAJOR kind: INTERACTION_ALERT_KIND_DRUG_INTERACTION
          drug_a: "Sintrom 4 mg" drug_b: "Aspirin 81 mg"
          ingredient_a: "acenocoumarol" ingredient_b: "acetylsalicylic acid"
          clinical_effect: "Tăng nguy cơ chảy máu"
          mechanism: "Cộng hợp tác dụng chống đông và kháng tiểu cầu"
          management: "Tránh phối hợp; nếu bắt buộc, theo dõi INR"
          source: "rx sample rules"
          other_prescription_code: "79088k3f9a2q-C"
          rule_id: "anticoagulant+antiplatelet"
        }
        alerts { severity: INTERACTION_SEVERITY_MINOR kind: INTERACTION_ALERT_KIND_DUPLICATE_THERAPY }
        """)
}
