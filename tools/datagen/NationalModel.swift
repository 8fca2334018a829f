import Foundation
import RxDrugKnowledge
import RxPrescriptions

/// The synthetic country: provinces weighted by population, facilities in them, prescribers at the
/// facilities, pharmacies, and the catalog's products ranked on a long tail.
struct NationalModel {
    /// Province codes (the first two digits of facility codes); Hà Nội and TP. Hồ Chí Minh first.
    static let provinces = [
        "01", "79", "31", "48", "92", "22", "26", "27", "30", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45",
        "46", "49", "51", "52", "54", "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77", "80",
        "82", "83", "84", "86", "87", "89", "91", "93", "94", "95", "96", "02", "04", "06", "08", "10", "11", "12", "14",
        "15", "17", "19", "20", "24", "25",
    ]

    struct Facility {
        var code: String
        var hasBeds: Bool
    }

    let facilities: [Facility]
    let facilityChoice: WeightedChoice
    let pharmacies: [String]
    let ordinaryProducts: [ProductFacts]
    let ordinaryChoice: WeightedChoice
    let controlledProducts: [ProductFacts]
    /// Declared price per registration number (latest), VND.
    let prices: [String: Int64]

    init(products: [Product], facilities count: Int, pharmacies pharmacyCount: Int, generator: inout SplitMix64) {
        let provinceWeights = WeightedChoice.zipf(count: Self.provinces.count, exponent: 0.9)
        var facilities: [Facility] = []
        var perProvince: [String: Int] = [:]
        for index in 0..<count {
            let province = Self.provinces[index < Self.provinces.count ? index : provinceWeights.draw(&generator)]
            let number = perProvince[province, default: 0]
            perProvince[province] = number + 1
            facilities.append(Facility(code: province + String(format: "%03d", number % 500), hasBeds: index % 5 == 0))
        }
        var seen: Set<String> = []
        self.facilities = facilities.filter { seen.insert($0.code).inserted }
        self.facilityChoice = WeightedChoice.zipf(count: self.facilities.count, exponent: 0.6)
        self.pharmacies = (0..<pharmacyCount).map { index in
            Self.provinces[index % Self.provinces.count] + String(format: "%03d", 500 + (index / Self.provinces.count) % 500)
        }
        var unique: [String: ProductFacts] = [:]
        var prices: [String: Int64] = [:]
        for product in products where unique[product.registrationNumber] == nil {
            unique[product.registrationNumber] = ProductFacts(
                registrationNumber: product.registrationNumber,
                ingredients: product.ingredients.map { .init(inn: $0.inn, strength: $0.strength) },
                dosageForm: product.dosageForm, route: product.route,
                controlledClass: Self.controlled(product.controlledClass), atcCodes: product.atcCodes)
            prices[product.registrationNumber] = product.prices.last?.unitPriceVND ?? 1_000
        }
        let all = unique.values.sorted { $0.registrationNumber < $1.registrationNumber }
        var shuffled = all
        shuffled.shuffle(using: &generator)
        self.ordinaryProducts = shuffled.filter { $0.controlledClass == .none || $0.controlledClass == .precursor }
        self.ordinaryChoice = WeightedChoice.zipf(count: self.ordinaryProducts.count, exponent: 1.1)
        self.controlledProducts = all.filter { $0.controlledClass == .narcotic }
        self.prices = prices
    }

    static func controlled(_ value: RxDrugKnowledge.ControlledClass) -> RxPrescriptions.ControlledClass {
        switch value {
        case .none: .none
        case .narcotic: .narcotic
        case .psychotropic: .psychotropic
        case .precursor: .precursor
        }
    }
}
