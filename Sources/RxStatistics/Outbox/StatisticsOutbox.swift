import RxPrescriptions
import RxStore

/// The prescriptions service's event sink in the server: each change appends one row to `stat_outbox`
/// in the same transaction as the change itself, and ``StatisticsApplier`` folds the rows into the
/// aggregates later, many at a time.
///
/// Folding inline cost a Submit 40–90 % more: a dozen upserts into B-tree pages spread over seven
/// tables, written to the WAL and fsynced with every commit. One appended row costs about what an index
/// entry does, and the aggregates still never disagree with the prescriptions for long: an event is
/// either in the outbox or in the aggregates (the applier deletes the rows it applies in the same
/// transaction), and every statistics read first waits for the events committed before it.
public struct StatisticsOutbox: PrescriptionEventSink {
    let applier: StatisticsApplier?

    /// - Parameter applier: woken after each append (it runs once the writer's batch has committed).
    public init(applier: StatisticsApplier?) { self.applier = applier }

    func append(_ event: StatisticsEvent, on connection: SQLiteConnection) throws {
        try connection.run("INSERT INTO stat_outbox (event) VALUES (?)", .blob(event.encoded()))
        self.applier?.wake()
    }

    public func submitted(_ event: PrescriptionSubmitted, on connection: SQLiteConnection) throws {
        try self.append(.submitted(event), on: connection)
    }

    public func dispensed(_ event: PrescriptionDispensed, on connection: SQLiteConnection) throws {
        try self.append(.dispensed(event), on: connection)
    }

    public func cancelled(code: String, at: Int64, on connection: SQLiteConnection) throws {
        try self.append(.cancelled(code: code, at: at), on: connection)
    }

    public func replaced(code: String, by replacement: String, at: Int64, on connection: SQLiteConnection) throws {
        try self.append(.replaced(code: code, by: replacement, at: at), on: connection)
    }
}
