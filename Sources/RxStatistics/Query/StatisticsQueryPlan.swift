import RxStore
import RxWire

/// The SQL for one `StatisticsQuery`: a GROUP BY over the aggregate cells (counts), their patient side
/// table (distinct patients) and the still-open prescriptions whose validity ended in the range (expired),
/// each restricted by the same day range and filters so SQLite reads only the cells it needs.
struct StatisticsQueryPlan: Sendable {
    /// Characters of an ATC code at each level (WHO: A, A01, A01A, A01AB, A01AB01).
    static let atcLengths = [1: 1, 2: 3, 3: 4, 4: 5, 5: 7]

    let sql: String
    let values: [SQLiteValue]
    let keyCount: Int

    /// - Parameter now: expiry is counted only for validity windows that ended before now.
    init(_ query: StatisticsQuery, now: Int64) throws(StatisticsError) {
        guard query.toUnixSeconds > query.fromUnixSeconds else {
            throw .invalidArgument("to_unix_seconds (\(query.toUnixSeconds)) must be after from_unix_seconds (\(query.fromUnixSeconds))")
        }
        let level = query.atcLevel == 0 ? 5 : Int(query.atcLevel)
        guard let atcLength = Self.atcLengths[level] else {
            throw .invalidArgument("atc_level must be 1 to 5, not \(query.atcLevel)")
        }
        var keys: [String] = []
        for dimension in query.groupBy {
            guard let expression = dimension.keyExpression(atcLength: atcLength) else {
                throw .invalidArgument("group_by has an unknown dimension \(dimension.rawValue)")
            }
            guard !keys.contains(expression) else { throw .invalidArgument("group_by names a dimension twice") }
            keys.append(expression)
        }
        let perIngredient = query.groupBy.contains(where: \.isPerIngredient) || !query.ingredients.isEmpty
            || !query.atcPrefixes.isEmpty
        var filter = StatisticsFilter()
        filter.add("day BETWEEN ? AND ?", [
            .integer(VietnamDay.of(query.fromUnixSeconds)), .integer(VietnamDay.of(query.toUnixSeconds - 1)),
        ])
        filter.add(perIngredient ? "ingredient <> ''" : "ingredient = ''", [])
        filter.restrict("facility_code", to: query.facilityCodes.map { .text($0) })
        filter.restrict("province", to: query.provinces.map { .text($0) })
        filter.restrict("ingredient", to: query.ingredients.map { .text($0.lowercased()) })
        filter.restrictATC("atc", toPrefixes: query.atcPrefixes)
        filter.restrict("type", to: query.types.map { .integer(Int64($0.rawValue)) })

        let columns = "day, facility_code, province, type, ingredient, atc"
        let expiredSource = perIngredient
            ? """
              SELECT DISTINCT p.code, (p.valid_until + \(VietnamDay.offsetSeconds)) / 86400 AS day, p.facility_code,
                  p.province, p.type, i.ingredient, i.atc, p.patient_key
              FROM stat_prescriptions p JOIN stat_prescription_items i ON i.code = p.code
              WHERE p.open = 1 AND p.valid_until >= ? AND p.valid_until < ? AND p.valid_until <= ?
              """
            : """
              SELECT (valid_until + \(VietnamDay.offsetSeconds)) / 86400 AS day, facility_code, province, type,
                  '' AS ingredient, '' AS atc, patient_key
              FROM stat_prescriptions
              WHERE open = 1 AND valid_until >= ? AND valid_until < ? AND valid_until <= ?
              """
        let selectedKeys = keys.isEmpty ? "" : keys.joined(separator: ", ") + ", "
        let grouping = keys.isEmpty ? "" : "GROUP BY \((1...keys.count).map(String.init).joined(separator: ", ")) ORDER BY \((1...keys.count).map(String.init).joined(separator: ", "))"
        self.sql = """
            SELECT \(selectedKeys)sum(issued), sum(dispensed_fully), sum(dispensed_partly), sum(cancelled), sum(expired),
                sum(quantity_prescribed), sum(quantity_dispensed), sum(value_reference_vnd), sum(value_charged_vnd),
                count(DISTINCT patient_key)
            FROM (
                SELECT \(columns), issued, dispensed_fully, dispensed_partly, cancelled, 0 AS expired, quantity_prescribed,
                    quantity_dispensed, value_reference_vnd, value_charged_vnd, NULL AS patient_key
                FROM stat_cells WHERE \(filter.sql)
                UNION ALL
                SELECT \(columns), 0, 0, 0, 0, 0, 0, 0, 0, 0, patient_key
                FROM stat_cells JOIN stat_cell_patients ON cell_id = id WHERE \(filter.sql)
                UNION ALL
                SELECT \(columns), 0, 0, 0, 0, 1, 0, 0, 0, 0, patient_key
                FROM (\(expiredSource)) WHERE \(filter.sql)
            )
            \(grouping)
            """
        let expiry: [SQLiteValue] = [.integer(query.fromUnixSeconds), .integer(query.toUnixSeconds), .integer(now)]
        self.values = filter.values + filter.values + expiry + filter.values
        self.keyCount = keys.count
    }
}
