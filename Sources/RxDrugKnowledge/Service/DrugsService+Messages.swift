import RxWire

// Conversions between catalog values and `rx.v1` messages, in one place so every call renders a
// product the same way.

extension DrugProduct {
    init(_ product: Product) {
        self.init()
        self.registrationNumber = product.registrationNumber
        self.brandName = product.brandName
        self.ingredients = product.ingredients.map { DrugLine.ActiveIngredient(inn: $0.inn, strength: $0.strength) }
        self.dosageForm = product.dosageForm
        self.route = product.route
        self.unit = product.unit
        self.packSize = product.packSize
        self.manufacturer = product.manufacturer
        self.country = product.country
        self.atcCodes = product.atcCodes
        self.controlClass = DrugControlClass(product.controlledClass)
        self.prescriptionOnly = product.prescriptionOnly
        self.prices = product.prices.map(DrugPrice.init)
    }
}

extension DrugControlClass {
    init(_ controlled: ControlledClass) {
        switch controlled {
        case .none: self = .none
        case .narcotic: self = .narcotic
        case .psychotropic: self = .psychotropic
        case .precursor: self = .precursor
        }
    }
}

extension DrugPrice {
    init(_ price: DeclaredPrice) {
        self.init()
        self.unitPriceVND = price.unitPriceVND
        self.effectiveDate = CivilDate(price.effectiveDate)
        self.declaringCompany = price.declaringCompany
    }
}

extension CivilDate {
    init(_ date: CatalogDate) {
        self.init(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day))
    }
}

extension SearchHit {
    init(_ result: SearchResult) {
        self.init()
        self.product = DrugProduct(result.product)
        self.match = SearchMatch(rawValue: Int32(result.rank.rawValue))
        self.matchedField = result.field.rawValue
    }
}

extension QuoteLinesResponse {
    init(_ quote: PriceQuote) {
        self.init()
        self.lines = quote.lines.map { line in
            var quoted = QuotedLine()
            quoted.registrationNumber = line.product.registrationNumber
            quoted.brandName = line.product.brandName
            quoted.quantity = line.quantity
            quoted.unitPriceVND = line.unitPrice.unitPriceVND
            quoted.lineTotalVND = line.lineTotalVND
            quoted.cheapestRegistrationNumber = line.cheapest.registrationNumber
            quoted.cheapestBrandName = line.cheapest.brandName
            quoted.cheapestUnitPriceVND = line.cheapestUnitPrice.unitPriceVND
            quoted.cheapestLineTotalVND = line.cheapestLineTotalVND
            return quoted
        }
        self.totalVND = quote.totalVND
        self.cheapestTotalVND = quote.cheapestTotalVND
        self.savingVND = quote.savingVND
        self.date = CivilDate(quote.date)
    }
}
