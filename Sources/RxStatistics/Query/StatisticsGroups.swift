import RxStore

/// Result groups merged in memory from aggregate rows: figures summed, patients merged (exact sets and
/// sketches, see ``PatientCount``), so one pass over the day cells and rollups answers a query.
struct StatisticsGroups {
    /// Issued, fully, partly, cancelled, expired, quantity prescribed, quantity dispensed, value at the
    /// reference price, value charged.
    static let figureCount = 9

    struct Group {
        var figures = [Int64](repeating: 0, count: StatisticsGroups.figureCount)
        var patients = PatientCount()

        /// Adds one figures row (mutated in place in the dictionary: copying a group per row would copy
        /// its patient set and registers).
        mutating func add(_ row: SQLiteStatement, keyCount: Int) {
            for index in 0..<StatisticsGroups.figureCount { self.figures[index] += row.int64(at: keyCount + index) }
            _ = row.withBlob(at: keyCount + 9) { self.patients.merge(patients: $0) }
            _ = row.withBlob(at: keyCount + 10) { self.patients.merge(sketch: $0) }
        }
    }

    let keyCount: Int
    private(set) var groups: [[String]: Group] = [:]

    init(keyCount: Int) { self.keyCount = keyCount }

    /// Reads a figures source: keys, nine figures, patients blob, sketch blob.
    mutating func addFigures(_ source: StatisticsQueryPlan.Source, on connection: SQLiteConnection) throws {
        let keyCount = self.keyCount
        try connection.withStatement(source.sql) { statement in
            try statement.bind(source.values)
            try statement.forEachRow { row in
                let keys = (0..<keyCount).map { row.string(at: $0) ?? "" }
                self.groups[keys, default: Group()].add(row, keyCount: keyCount)
            }
        }
    }

    /// Reads an expiry source: the keys of one prescription expired today. Expiries file no patient
    /// (a patient counts where they have an event).
    mutating func addExpired(_ source: StatisticsQueryPlan.Source, on connection: SQLiteConnection) throws {
        let keyCount = self.keyCount
        try connection.withStatement(source.sql) { statement in
            try statement.bind(source.values)
            try statement.forEachRow { row in
                let keys = (0..<keyCount).map { row.string(at: $0) ?? "" }
                self.groups[keys, default: Group()].figures[4] += 1
            }
        }
    }

    /// The groups ordered by their keys as SQLite orders text (bytewise); without keys always one group.
    func ordered() -> [(keys: [String], group: Group)] {
        if self.keyCount == 0 { return [([], self.groups[[]] ?? Group())] }
        return self.groups.map { ($0.key, $0.value) }.sorted { lhs, rhs in
            lhs.keys.lazy.map { Array($0.utf8) }.lexicographicallyPrecedes(rhs.keys.lazy.map { Array($0.utf8) }) {
                $0.lexicographicallyPrecedes($1)
            }
        }
    }
}
