import RxStore
import RxWire

/// Answers statistics queries from the aggregate tables on a read connection.
public enum StatisticsReader {
    /// Cells counting fewer distinct patients than this are suppressed.
    public static let minimumPatients: UInt64 = 5

    /// The rows of `query`, ordered by their keys; suppressed rows carry keys only.
    public static func rows(
        _ query: StatisticsQuery, now: Int64, on connection: SQLiteConnection
    ) throws -> [StatisticsRow] {
        let plan = try StatisticsQueryPlan(query, now: now)
        return try connection.withStatement(plan.sql) { statement in
            try statement.bind(plan.values)
            var rows: [StatisticsRow] = []
            try statement.forEachRow { result in
                var row = StatisticsRow()
                row.keys = (0..<plan.keyCount).map { result.string(at: $0) ?? "" }
                let base = plan.keyCount
                row.distinctPatients = UInt64(max(0, result.int64(at: base + 9)))
                if row.distinctPatients < Self.minimumPatients {
                    row.suppressed = true
                    row.distinctPatients = 0
                } else {
                    row.issued = UInt64(max(0, result.int64(at: base)))
                    row.dispensedFully = UInt64(max(0, result.int64(at: base + 1)))
                    row.dispensedPartly = UInt64(max(0, result.int64(at: base + 2)))
                    row.cancelled = UInt64(max(0, result.int64(at: base + 3)))
                    row.expired = UInt64(max(0, result.int64(at: base + 4)))
                    row.quantityPrescribed = UInt64(max(0, result.int64(at: base + 5)))
                    row.quantityDispensed = UInt64(max(0, result.int64(at: base + 6)))
                    row.valueReferenceVND = result.int64(at: base + 7)
                    row.valueChargedVND = result.int64(at: base + 8)
                }
                rows.append(row)
            }
            return rows
        }
    }

    /// The top ingredients by prescriptions issued or by value charged.
    public static func topIngredients(
        _ request: StatisticsTopNRequest, on connection: SQLiteConnection
    ) throws -> [StatisticsTopNEntry] {
        guard request.toUnixSeconds > request.fromUnixSeconds else {
            throw StatisticsError.invalidArgument("to_unix_seconds must be after from_unix_seconds")
        }
        let limit = request.limit == 0 ? 20 : Int(request.limit)
        guard limit <= 1_000 else { throw StatisticsError.invalidArgument("limit must be at most 1000, not \(limit)") }
        var filter = StatisticsFilter()
        filter.add("ingredient <> ''", [])
        filter.add("day BETWEEN ? AND ?", [
            .integer(VietnamDay.of(request.fromUnixSeconds)), .integer(VietnamDay.of(request.toUnixSeconds - 1)),
        ])
        filter.restrict("province", to: request.provinces.map { .text($0) })
        filter.restrictATC("atc", toPrefixes: request.atcPrefixes)
        let order = request.measure == .value ? "4 DESC, 1" : "2 DESC, 1"
        let ranked = try connection.withStatement(
            """
            SELECT ingredient, sum(issued), sum(quantity_dispensed), sum(value_charged_vnd) FROM stat_cells
            WHERE \(filter.sql) GROUP BY ingredient ORDER BY \(order) LIMIT \(limit)
            """
        ) { statement in
            try statement.bind(filter.values)
            var entries: [StatisticsTopNEntry] = []
            try statement.forEachRow { row in
                var entry = StatisticsTopNEntry()
                entry.rank = UInt32(entries.count + 1)
                entry.ingredient = row.string(at: 0) ?? ""
                entry.prescriptions = UInt64(max(0, row.int64(at: 1)))
                entry.quantityDispensed = UInt64(max(0, row.int64(at: 2)))
                entry.valueChargedVND = row.int64(at: 3)
                entries.append(entry)
            }
            return entries
        }
        return try ranked.map { entry in
            var filtered = filter
            filtered.add("ingredient = ?", [.text(entry.ingredient)])
            let patients = try connection.withStatement(
                "SELECT count(DISTINCT patient_key) FROM stat_cells JOIN stat_cell_patients ON cell_id = id WHERE \(filtered.sql)"
            ) { statement in
                try statement.bind(filtered.values)
                return try statement.step() ? statement.int64(at: 0) : 0
            }
            guard patients < Int64(Self.minimumPatients) else { return entry }
            var suppressed = StatisticsTopNEntry()
            suppressed.rank = entry.rank
            suppressed.ingredient = entry.ingredient
            suppressed.suppressed = true
            return suppressed
        }
    }

    /// Dispensing, substitution and interaction rates over prescriptions issued in the range.
    public static func rates(_ request: StatisticsRatesRequest, on connection: SQLiteConnection) throws -> StatisticsRates {
        guard request.toUnixSeconds > request.fromUnixSeconds else {
            throw StatisticsError.invalidArgument("to_unix_seconds must be after from_unix_seconds")
        }
        var filter = StatisticsFilter()
        filter.add("issued_at >= ? AND issued_at < ?", [.integer(request.fromUnixSeconds), .integer(request.toUnixSeconds)])
        filter.restrict("facility_code", to: request.facilityCodes.map { .text($0) })
        filter.restrict("province", to: request.provinces.map { .text($0) })
        let totals = try connection.withStatement(
            """
            SELECT count(*), count(first_dispensed_at), coalesce(sum(substituted), 0),
                coalesce(sum(interaction_alerts > 0), 0), coalesce(sum(overrides > 0), 0), count(DISTINCT patient_key)
            FROM stat_prescriptions WHERE \(filter.sql)
            """
        ) { statement in
            try statement.bind(filter.values)
            _ = try statement.step()
            return (0..<6).map { statement.int64(at: $0) }
        }
        var rates = StatisticsRates()
        guard totals[5] >= Int64(Self.minimumPatients) else {
            rates.suppressed = true
            return rates
        }
        let (count, dispensed) = (totals[0], totals[1])
        rates.prescriptions = UInt64(count)
        rates.dispensed = UInt64(dispensed)
        rates.dispensingRate = count > 0 ? Double(dispensed) / Double(count) : 0
        rates.genericSubstitutionRate = dispensed > 0 ? Double(totals[2]) / Double(dispensed) : 0
        rates.interactionAlertShare = count > 0 ? Double(totals[3]) / Double(count) : 0
        rates.overrideShare = count > 0 ? Double(totals[4]) / Double(count) : 0
        if dispensed > 0 {
            let middle = try connection.withStatement(
                """
                SELECT first_dispensed_at - issued_at AS wait FROM stat_prescriptions
                WHERE \(filter.sql) AND first_dispensed_at IS NOT NULL ORDER BY wait LIMIT 2 OFFSET ?
                """
            ) { statement in
                try statement.bind(filter.values + [.integer((dispensed - 1) / 2)])
                var waits: [Int64] = []
                try statement.forEachRow { waits.append($0.int64(at: 0)) }
                return waits
            }
            if dispensed % 2 == 1 || middle.count < 2 {
                rates.medianSecondsToFirstDispense = middle.first ?? 0
            } else {
                rates.medianSecondsToFirstDispense = (middle[0] + middle[1]) / 2
            }
        }
        return rates
    }
}
