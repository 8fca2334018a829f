import RxStore
import RxWire

/// The SQL for one `StatisticsQuery`: which aggregate rows to read and the key expressions grouping them.
///
/// Whole months of the range are read from the monthly rollups when the grouping and filters allow it
/// (view 0: month / province / type of whole prescriptions; view 1: month / ingredient / ATC), the days
/// before the first and after the last whole month from the day cells; anything else (day or week or
/// facility grouping, a facility filter, mixed dimensions) reads the day cells. Expiries are booked at
/// issue on the day validity ends and taken back when a prescription is closed, so past days' `expiring`
/// is their expired count; only today's are counted from the open prescriptions (validity ended before
/// now), and rollup months must have ended before today. Every source yields the same columns: keys, nine
/// figures, the exact patient set and the sketch (NULL for day cells).
struct StatisticsQueryPlan: Sendable {
    /// Characters of an ATC code at each level (WHO: A, A01, A01A, A01AB, A01AB01).
    static let atcLengths = [1: 1, 2: 3, 3: 4, 4: 5, 5: 7]

    /// One statement and its bound values.
    struct Source: Sendable {
        var sql: String
        var values: [SQLiteValue]
    }

    let keyCount: Int
    /// Statements yielding keys, nine figures, patients blob, sketch blob.
    let figures: [Source]
    /// The statement yielding keys of each prescription expired today before now (per pair when the
    /// query counts per ingredient).
    let expired: Source
    /// Which rollup view served the whole months, if any (for tests and the benchmark).
    let rollupView: Int?

    static let figureColumns = """
        issued, dispensed_fully, dispensed_partly, cancelled, expiring, quantity_prescribed, quantity_dispensed,
        value_reference_vnd, value_charged_vnd, patients
        """

    /// The figures as a source selects them: `expiring` only of days before today (bound first).
    static let selectedFigures = """
        issued, dispensed_fully, dispensed_partly, cancelled, CASE WHEN day < ? THEN expiring ELSE 0 END,
        quantity_prescribed, quantity_dispensed, value_reference_vnd, value_charged_vnd, patients
        """

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
        filter.add(perIngredient ? "ingredient <> ''" : "ingredient = ''", [])
        filter.restrict("facility_code", to: query.facilityCodes.map { .text($0) })
        filter.restrict("province", to: query.provinces.map { .text($0) })
        filter.restrict("ingredient", to: query.ingredients.map { .text($0.lowercased()) })
        filter.restrictATC("atc", toPrefixes: query.atcPrefixes)
        filter.restrict("type", to: query.types.map { .integer(Int64($0.rawValue)) })

        let selectedKeys = keys.isEmpty ? "" : keys.joined(separator: ", ") + ", "
        let today = VietnamDay.of(now)
        func source(_ relation: String, sketch: String, days: ClosedRange<Int64>) -> Source {
            Source(
                sql: """
                    SELECT \(selectedKeys)\(Self.selectedFigures), \(sketch) FROM \(relation)
                    WHERE day BETWEEN ? AND ? AND \(filter.sql)
                    """,
                values: [.integer(today), .integer(days.lowerBound), .integer(days.upperBound)] + filter.values)
        }
        let firstDay = VietnamDay.of(query.fromUnixSeconds)
        let lastDay = VietnamDay.of(query.toUnixSeconds - 1)
        let view = Self.rollupView(for: query, perIngredient: perIngredient)
        var figures: [Source] = []
        if let view, firstDay < today, let months = Self.wholeMonths(firstDay...min(lastDay, today - 1)) {
            let rollups = """
                (SELECT month AS day, '' AS facility_code, province, type, ingredient, atc, \(Self.figureColumns), sketch
                 FROM stat_rollups LEFT JOIN stat_rollup_sketches USING (view, month, province, type, ingredient, atc)
                 WHERE view = \(view))
                """
            figures.append(source(rollups, sketch: "sketch", days: months))
            if firstDay < months.lowerBound { figures.append(source("stat_cells", sketch: "NULL", days: firstDay...(months.lowerBound - 1))) }
            let afterMonths = VietnamDay.nextMonthStart(after: months.upperBound)
            if afterMonths <= lastDay { figures.append(source("stat_cells", sketch: "NULL", days: afterMonths...lastDay)) }
            self.rollupView = view
        } else {
            figures.append(source("stat_cells", sketch: "NULL", days: firstDay...lastDay))
            self.rollupView = nil
        }
        self.figures = figures
        let expiredRelation = perIngredient
            ? """
              (SELECT (p.valid_until + \(VietnamDay.offsetSeconds)) / 86400 AS day, p.facility_code, p.province, p.type,
                  i.ingredient, i.atc
              FROM stat_prescriptions p JOIN stat_prescription_items i ON i.prescription_id = p.id
              WHERE p.open = 1 AND p.valid_until >= ? AND p.valid_until < ? AND p.valid_until <= ?
              GROUP BY p.id, i.ingredient, i.atc)
              """
            : """
              (SELECT (valid_until + \(VietnamDay.offsetSeconds)) / 86400 AS day, facility_code, province, type,
                  '' AS ingredient, '' AS atc
              FROM stat_prescriptions
              WHERE open = 1 AND valid_until >= ? AND valid_until < ? AND valid_until <= ?)
              """
        self.expired = Source(
            sql: "SELECT \(selectedKeys)1 FROM \(expiredRelation) WHERE \(filter.sql)",
            values: [.integer(max(query.fromUnixSeconds, VietnamDay.start(of: today))), .integer(query.toUnixSeconds),
                     .integer(now)] + filter.values)
        self.keyCount = keys.count
    }

    /// The rollup view able to answer `query`'s whole months, if any.
    static func rollupView(for query: StatisticsQuery, perIngredient: Bool) -> Int? {
        guard query.facilityCodes.isEmpty else { return nil }
        if !perIngredient {
            return query.groupBy.allSatisfy { [.month, .province, .type].contains($0) } ? 0 : nil
        }
        guard query.provinces.isEmpty, query.types.isEmpty else { return nil }
        return query.groupBy.allSatisfy { [.month, .ingredient, .atc].contains($0) } ? 1 : nil
    }

    /// The first days of the first and last whole months within `days`, if there is a whole month.
    static func wholeMonths(_ days: ClosedRange<Int64>) -> ClosedRange<Int64>? {
        var month = VietnamDay.monthStart(of: days.lowerBound)
        if month < days.lowerBound { month = VietnamDay.nextMonthStart(after: month) }
        let first = month
        var last: Int64?
        while VietnamDay.nextMonthStart(after: month) - 1 <= days.upperBound {
            last = month
            month = VietnamDay.nextMonthStart(after: month)
        }
        return last.map { first...$0 }
    }
}
