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
        var groups = StatisticsGroups(keyCount: plan.keyCount)
        for source in plan.figures { try groups.addFigures(source, on: connection) }
        try groups.addExpired(plan.expired, on: connection)
        return groups.ordered().map { keys, group in
            var row = StatisticsRow()
            row.keys = keys
            guard !group.patients.isBelow(Int(Self.minimumPatients)) else {
                row.suppressed = true
                return row
            }
            let figures = group.figures.map { UInt64(max(0, $0)) }
            row.issued = figures[0]
            row.dispensedFully = figures[1]
            row.dispensedPartly = figures[2]
            row.cancelled = figures[3]
            row.expired = figures[4]
            row.quantityPrescribed = figures[5]
            row.quantityDispensed = figures[6]
            row.valueReferenceVND = group.figures[7]
            row.valueChargedVND = group.figures[8]
            row.distinctPatients = group.patients.estimate
            return row
        }
    }

    /// The top ingredients or products (``StatisticsTopNRequest/subject``) by prescriptions issued or by
    /// value charged.
    public static func top(_ request: StatisticsTopNRequest, on connection: SQLiteConnection) throws -> [StatisticsTopNEntry] {
        guard request.toUnixSeconds > request.fromUnixSeconds else {
            throw StatisticsError.invalidArgument("to_unix_seconds must be after from_unix_seconds")
        }
        let limit = request.limit == 0 ? 20 : Int(request.limit)
        guard limit <= 1_000 else { throw StatisticsError.invalidArgument("limit must be at most 1000, not \(limit)") }
        switch request.subject {
        case .ingredient: return try self.topIngredients(request, limit: limit, on: connection)
        case .product: return try ProductRanking.top(request, limit: limit, on: connection)
        default: throw StatisticsError.invalidArgument("subject \(request.subject.rawValue) is unknown")
        }
    }

    /// The top ingredients, from the same groups a query by ingredient reads (monthly rollups for whole
    /// months unless restricted to provinces).
    static func topIngredients(
        _ request: StatisticsTopNRequest, limit: Int, on connection: SQLiteConnection
    ) throws -> [StatisticsTopNEntry] {
        var query = StatisticsQuery()
        query.fromUnixSeconds = request.fromUnixSeconds
        query.toUnixSeconds = request.toUnixSeconds
        query.groupBy = [.ingredient]
        query.provinces = request.provinces
        query.atcPrefixes = request.atcPrefixes
        let plan = try StatisticsQueryPlan(query, now: request.toUnixSeconds)
        var groups = StatisticsGroups(keyCount: 1)
        for source in plan.figures { try groups.addFigures(source, on: connection) }
        let measure = request.measure == .value ? 8 : 0
        let ranked = groups.groups.sorted { lhs, rhs in
            lhs.value.figures[measure] != rhs.value.figures[measure]
                ? lhs.value.figures[measure] > rhs.value.figures[measure]
                : Array(lhs.key[0].utf8).lexicographicallyPrecedes(Array(rhs.key[0].utf8))
        }.prefix(limit)
        return ranked.enumerated().map { index, element in
            var entry = StatisticsTopNEntry()
            entry.rank = UInt32(index + 1)
            entry.ingredient = element.key[0]
            if element.value.patients.isBelow(Int(Self.minimumPatients)) {
                entry.suppressed = true
            } else {
                entry.prescriptions = UInt64(max(0, element.value.figures[0]))
                entry.quantityDispensed = UInt64(max(0, element.value.figures[6]))
                entry.valueChargedVND = element.value.figures[8]
            }
            return entry
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
