import RxStore
import RxWire

/// Top-N by product (registration number) from `stat_product_cells`: whole calendar months of the range
/// from the month cells (national ones unless restricted to provinces), the days before and after them
/// from the day cells, merged per product in memory.
///
/// Counting rules: `prescriptions` counts prescriptions issued in the range that name the product (once
/// per prescription); quantity and value charged are those of dispenses in the range of lines where the
/// product was **handed out** — a substituted line counts for the substitute, not the prescribed product.
/// An entry whose product counts fewer than 5 distinct patients (issue and dispense events merged) is
/// suppressed; the decision is exact (``PatientCount``).
enum ProductRanking {
    static func top(_ request: StatisticsTopNRequest, limit: Int, on connection: SQLiteConnection) throws -> [StatisticsTopNEntry] {
        var filter = StatisticsFilter()
        filter.restrict("province", to: request.provinces.map { .text($0) })
        filter.restrictATC("atc", toPrefixes: request.atcPrefixes)
        let firstDay = VietnamDay.of(request.fromUnixSeconds)
        let lastDay = VietnamDay.of(request.toUnixSeconds - 1)
        var spans: [(grain: Int64, days: ClosedRange<Int64>)] = []
        if let months = StatisticsQueryPlan.wholeMonths(firstDay...lastDay) {
            spans.append((request.provinces.isEmpty ? ProductCellKey.nationalMonthGrain : ProductCellKey.monthGrain, months))
            if firstDay < months.lowerBound { spans.append((ProductCellKey.dayGrain, firstDay...(months.lowerBound - 1))) }
            let afterMonths = VietnamDay.nextMonthStart(after: months.upperBound)
            if afterMonths <= lastDay { spans.append((ProductCellKey.dayGrain, afterMonths...lastDay)) }
        } else {
            spans.append((ProductCellKey.dayGrain, firstDay...lastDay))
        }
        var groups: [String: (figures: ProductChange, patients: PatientCount)] = [:]
        for span in spans {
            try connection.withStatement(
                """
                SELECT registration_number, prescriptions, quantity_dispensed, value_charged_vnd, patients
                FROM stat_product_cells WHERE grain = ? AND day BETWEEN ? AND ? AND \(filter.sql)
                """
            ) { statement in
                try statement.bind(
                    [.integer(span.grain), .integer(span.days.lowerBound), .integer(span.days.upperBound)] + filter.values)
                try statement.forEachRow { row in
                    let product = row.string(at: 0) ?? ""
                    var group = groups.removeValue(forKey: product) ?? (ProductChange(), PatientCount())
                    group.figures.add(ProductChange(
                        prescriptions: row.int64(at: 1), quantityDispensed: row.int64(at: 2), valueChargedVND: row.int64(at: 3)))
                    _ = row.withBlob(at: 4) { group.patients.merge(patients: $0) }
                    groups[product] = group
                }
            }
        }
        let byValue = request.measure == .value
        let ranked = groups.sorted { lhs, rhs in
            let left = byValue ? lhs.value.figures.valueChargedVND : lhs.value.figures.prescriptions
            let right = byValue ? rhs.value.figures.valueChargedVND : rhs.value.figures.prescriptions
            return left != right ? left > right : Array(lhs.key.utf8).lexicographicallyPrecedes(Array(rhs.key.utf8))
        }.prefix(limit)
        let names = try self.names(of: ranked.map(\.key), on: connection)
        return ranked.enumerated().map { index, element in
            var entry = StatisticsTopNEntry()
            entry.rank = UInt32(index + 1)
            entry.registrationNumber = element.key
            entry.productName = names[element.key] ?? ""
            if element.value.patients.isBelow(Int(StatisticsReader.minimumPatients)) {
                entry.suppressed = true
            } else {
                entry.prescriptions = UInt64(max(0, element.value.figures.prescriptions))
                entry.quantityDispensed = UInt64(max(0, element.value.figures.quantityDispensed))
                entry.valueChargedVND = element.value.figures.valueChargedVND
            }
            return entry
        }
    }

    /// Brand names from the drug catalog's table when the database holds one (the server's always does;
    /// a statistics-only database has none, and entries then carry the registration number alone).
    static func names(of products: [String], on connection: SQLiteConnection) throws -> [String: String] {
        guard !products.isEmpty,
            try connection.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'catalog_product'")
                .int64Value == 1
        else { return [:] }
        var names: [String: String] = [:]
        for product in products {
            let name = try connection.scalar(
                "SELECT brand_name FROM catalog_product WHERE registration_number = ?", .text(product)).stringValue
            if let name { names[product] = name }
        }
        return names
    }
}
