/// Which part of a product a search matched; on ties, earlier cases rank first.
public enum SearchField: String, Sendable, Hashable, Comparable, CaseIterable {
    case brandName = "brand_name"
    case ingredient = "ingredient"
    case atcCode = "atc_code"
    case registrationNumber = "registration_number"
    /// Every query word appears in some field, but the whole query in none.
    case anyField = "any"

    var order: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    public static func < (lhs: SearchField, rhs: SearchField) -> Bool { lhs.order < rhs.order }
}
