import RxWire

extension StatisticsDimension {
    /// The SQL expression giving this dimension's key over the aggregate columns.
    ///
    /// - Parameter atcLength: characters of the ATC code at the requested level (1, 3, 4, 5 or 7).
    func keyExpression(atcLength: Int) -> String? {
        switch self {
        case .day: "date(day * 86400, 'unixepoch')"
        case .week: "date((day - (day + 3) % 7) * 86400, 'unixepoch')"
        case .month: "strftime('%Y-%m', day * 86400, 'unixepoch')"
        case .facility: "facility_code"
        case .province: "province"
        case .ingredient: "ingredient"
        case .atc: "substr(atc, 1, \(atcLength))"
        case .type: "CAST(type AS TEXT)"
        default: nil
        }
    }

    /// Whether grouping by this dimension counts per ingredient rather than per prescription.
    var isPerIngredient: Bool { self == .ingredient || self == .atc }
}
