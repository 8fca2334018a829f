import Foundation
import Logging
import RxPrescriptions
import RxStore

/// What a database file holds and whether it is sound: SQLite's integrity check, the rows of every
/// table, and the audit chain.
struct BackupReport {
    /// Rows per table, by table name.
    var rowCounts: [(table: String, rows: Int64)] = []
    /// Audit entries the chain verification walked.
    var auditEntries = 0
    /// Every problem found; empty for a sound backup.
    var problems: [String] = []

    var summary: String {
        var lines = self.rowCounts.map { "  \($0.table): \($0.rows) rows" }
        lines.insert("tables: \(self.rowCounts.count)", at: 0)
        lines.append("audit chain: \(self.auditEntries) entries")
        return lines.joined(separator: "\n")
    }

    /// Opens `path` read-only (no migrations) and inspects it inside one read transaction.
    static func inspect(path: String, logger: Logger) throws -> BackupReport {
        let connection = try SQLiteConnection(path: path, mode: .readOnly, logger: logger)
        defer { connection.close() }
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }
        var report = BackupReport()
        let integrity = try connection.query("PRAGMA integrity_check") { $0.value(at: 0).stringValue ?? "?" }
        if integrity != ["ok"] {
            report.problems.append("integrity_check: " + integrity.prefix(10).joined(separator: "; "))
        }
        let tables = try connection.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ) { $0.value(at: 0).stringValue ?? "" }
        for table in tables where !table.isEmpty {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let rows = try connection.scalar("SELECT count(*) FROM \(quoted)").int64Value ?? -1
            report.rowCounts.append((table, rows))
        }
        guard tables.contains("audit_log") else {
            report.problems.append("no audit_log table: not an rx-server database")
            return report
        }
        let audit = try AuditLog.verify(on: connection)
        report.auditEntries = audit.entriesChecked
        if let broken = audit.firstBrokenSequence {
            report.problems.append("audit chain broken at entry \(broken): \(audit.problem ?? "does not verify")")
        }
        return report
    }
}
