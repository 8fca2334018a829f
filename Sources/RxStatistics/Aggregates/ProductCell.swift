/// The key of a product aggregate cell: one registered product, in one province, on one day (grain 0) or
/// in one calendar month (grain 1, `day` = the month's first day); or in the whole country in one month
/// (grain 2, province ''), so a national ranking reads ~60 times fewer rows. The ATC code is the prescribed
/// line's first catalog code, kept so top-N can filter by ATC prefix without a catalog lookup.
struct ProductCellKey: Sendable, Hashable {
    static let dayGrain: Int64 = 0
    static let monthGrain: Int64 = 1
    static let nationalMonthGrain: Int64 = 2

    var grain: Int64
    var day: Int64
    var province: String
    var registrationNumber: String
    var atc: String

    /// The monthly cell this day cell rolls into.
    var month: ProductCellKey {
        ProductCellKey(
            grain: Self.monthGrain, day: VietnamDay.monthStart(of: self.day), province: self.province,
            registrationNumber: self.registrationNumber, atc: self.atc)
    }

    /// The national monthly cell this day cell rolls into.
    var nationalMonth: ProductCellKey {
        ProductCellKey(
            grain: Self.nationalMonthGrain, day: VietnamDay.monthStart(of: self.day), province: "",
            registrationNumber: self.registrationNumber, atc: self.atc)
    }

    /// The cells a day cell's change is added to: itself, its province's month, the national month.
    var rolledUp: [ProductCellKey] { [self, self.month, self.nationalMonth] }

    /// The order of the table's primary key, so bulk inserts append.
    static func precedes(_ lhs: ProductCellKey, _ rhs: ProductCellKey) -> Bool {
        if lhs.grain != rhs.grain { return lhs.grain < rhs.grain }
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        if lhs.province != rhs.province { return lhs.province.utf8.lexicographicallyPrecedes(rhs.province.utf8) }
        if lhs.registrationNumber != rhs.registrationNumber {
            return lhs.registrationNumber.utf8.lexicographicallyPrecedes(rhs.registrationNumber.utf8)
        }
        return lhs.atc.utf8.lexicographicallyPrecedes(rhs.atc.utf8)
    }
}

/// What one event adds to one product cell: prescriptions issued containing the product (once per
/// prescription however many lines name it), and the quantity and value charged of the product dispensed.
struct ProductChange: Sendable, Equatable {
    var prescriptions: Int64 = 0
    var quantityDispensed: Int64 = 0
    var valueChargedVND: Int64 = 0

    mutating func add(_ other: ProductChange) {
        self.prescriptions += other.prescriptions
        self.quantityDispensed += other.quantityDispensed
        self.valueChargedVND += other.valueChargedVND
    }
}
