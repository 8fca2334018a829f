import RxStore
import Synchronization

/// The per-prescription rows of a batch of Submit events, held back and written with a few multi-row
/// INSERTs instead of two statements per event.
///
/// The statistics applier folds hundreds of events per write on the single writer thread; most are
/// Submits, whose rows no later event of a pure-Submit batch reads. The recorder flushes the buffer
/// before any event that reads these tables (a dispense, a cancellation, a replacement) and at the end
/// of the batch, so every read still sees every earlier event's rows. One write body uses it at a time;
/// the lock only makes that checkable.
final class PrescriptionRowBuffer: Sendable {
    /// Columns of `stat_prescriptions` as the recorder inserts them.
    private static let prescriptionColumns =
        "id, facility_code, province, type, issued_at, valid_until, patient_key, open, interaction_alerts, overrides"
    private static let itemColumns = "prescription_id, line_number, ingredient, atc, registration_number"
    /// Rows per INSERT: a statement per chunk size is cached, and 64 × 10 values stay far below SQLite's
    /// limit on bound parameters.
    private static let chunk = 64

    private struct Held {
        var prescriptions: [[SQLiteValue]] = []
        var items: [[SQLiteValue]] = []
    }

    private let held = Mutex(Held())

    init() {}

    func add(prescription row: [SQLiteValue], items: [[SQLiteValue]]) {
        self.held.withLock { held in
            held.prescriptions.append(row)
            held.items += items
        }
    }

    /// Writes and forgets the held rows.
    func flush(on connection: SQLiteConnection) throws {
        let rows = self.held.withLock { held in
            defer { held = Held() }
            return held
        }
        try Self.insert(
            rows.prescriptions, into: "stat_prescriptions", columns: Self.prescriptionColumns, orIgnore: false, on: connection)
        try Self.insert(rows.items, into: "stat_prescription_items", columns: Self.itemColumns, orIgnore: true, on: connection)
    }

    /// Inserts `rows` one statement per chunk. Item rows use `OR IGNORE` as the recorder always has (a
    /// line naming an ingredient twice is one item).
    private static func insert(
        _ rows: [[SQLiteValue]], into table: String, columns: String, orIgnore: Bool, on connection: SQLiteConnection
    ) throws {
        guard let width = rows.first?.count else { return }
        var start = 0
        while start < rows.count {
            let end = min(start + Self.chunk, rows.count)
            try StatisticsRecorder.run(
                "INSERT \(orIgnore ? "OR IGNORE " : "")INTO \(table) (\(columns)) VALUES "
                    + StatisticsRecorder.placeholders(rows: end - start, columns: width),
                rows[start..<end].flatMap { $0 }, on: connection)
            start = end
        }
    }
}
