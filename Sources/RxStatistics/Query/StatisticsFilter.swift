import RxStore

/// A WHERE clause over the aggregate columns (day, facility_code, province, type, ingredient, atc) with
/// its bound values, built from caller input only through parameters.
struct StatisticsFilter: Sendable {
    var clauses: [String] = []
    var values: [SQLiteValue] = []

    var sql: String { self.clauses.isEmpty ? "1" : self.clauses.joined(separator: " AND ") }

    mutating func add(_ clause: String, _ values: [SQLiteValue]) {
        self.clauses.append(clause)
        self.values += values
    }

    /// `column IN (…)` unless `allowed` is empty (no restriction).
    mutating func restrict(_ column: String, to allowed: [SQLiteValue]) {
        guard !allowed.isEmpty else { return }
        self.add("\(column) IN (\(Array(repeating: "?", count: allowed.count).joined(separator: ", ")))", allowed)
    }

    /// ATC codes starting with one of `prefixes`.
    mutating func restrictATC(_ column: String, toPrefixes prefixes: [String]) {
        guard !prefixes.isEmpty else { return }
        let clause = prefixes.map { _ in "substr(\(column), 1, ?) = ?" }.joined(separator: " OR ")
        self.add("(\(clause))", prefixes.flatMap { [SQLiteValue.integer(Int64($0.count)), .text($0.uppercased())] })
    }
}
