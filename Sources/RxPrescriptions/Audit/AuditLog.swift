import RxSignature
import RxStore

/// The hash-chained audit log in table `audit_log`.
///
/// Each entry stores the hash of its predecessor (`prev_hash`, 32 zero bytes for the first) and its own
/// `entry_hash = SHA-256(prev_hash ‖ canonical entry bytes)`. Changing, deleting or reordering any row
/// breaks the chain at that row, which ``verify(on:)`` reports. Entries are appended on the writer
/// connection inside the same transaction as the change they record, so a change and its audit entry
/// commit together or not at all.
public enum AuditLog {
    /// `prev_hash` of the first entry.
    public static let genesisHash = [UInt8](repeating: 0, count: 32)

    /// Appends an entry; call only inside a write body.
    @discardableResult
    public static func append(
        on connection: SQLiteConnection, at: Int64, facilityCode: String, role: String, method: String, code: String,
        result: String
    ) throws -> AuditEntry {
        let last = try connection.query("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1") { row in
            (row.int64(at: 0), row.blob(at: 1) ?? [])
        }.first
        let previous = last?.1 ?? self.genesisHash
        let entry = AuditEntry(
            sequence: (last?.0 ?? 0) + 1, at: at, facilityCode: facilityCode, role: role, method: method,
            code: code, result: result)
        let hash = SHA256.hash(previous + entry.canonicalBytes)
        try connection.run(
            """
            INSERT INTO audit_log (seq, at, facility_code, role, method, code, result, prev_hash, entry_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            .integer(entry.sequence), .integer(at), .text(facilityCode), .text(role), .text(method), .text(code),
            .text(result), .blob(previous), .blob(hash))
        return entry
    }

    /// Walks the whole chain in sequence order and reports the first entry that does not verify.
    public static func verify(on connection: SQLiteConnection) throws -> AuditVerification {
        var expectedPrevious = self.genesisHash
        var expectedSequence: Int64 = 1
        var checked = 0
        var broken: (Int64, String)?
        try connection.withStatement(
            "SELECT seq, at, facility_code, role, method, code, result, prev_hash, entry_hash FROM audit_log ORDER BY seq"
        ) { statement in
            while broken == nil, try statement.step() {
                checked += 1
                let entry = AuditEntry(
                    sequence: statement.int64(at: 0), at: statement.int64(at: 1),
                    facilityCode: statement.string(at: 2) ?? "", role: statement.string(at: 3) ?? "",
                    method: statement.string(at: 4) ?? "", code: statement.string(at: 5) ?? "",
                    result: statement.string(at: 6) ?? "")
                let previous = statement.blob(at: 7) ?? []
                let stored = statement.blob(at: 8) ?? []
                if entry.sequence != expectedSequence {
                    broken = (entry.sequence, "sequence \(entry.sequence) follows \(expectedSequence - 1): entries are missing")
                } else if previous != expectedPrevious {
                    broken = (entry.sequence, "prev_hash does not equal the entry hash of entry \(entry.sequence - 1)")
                } else if SHA256.hash(previous + entry.canonicalBytes) != stored {
                    broken = (entry.sequence, "entry_hash does not match the entry's content")
                } else {
                    expectedPrevious = stored
                    expectedSequence += 1
                }
            }
        }
        return AuditVerification(
            entriesChecked: checked, firstBrokenSequence: broken?.0, problem: broken?.1, headHash: expectedPrevious)
    }
}
