import RxStore

/// Receives every committed change to a prescription inside the writer's transaction, so derived data
/// (the regulators' statistics) changes in the same commit as the prescription or not at all.
///
/// Each method runs on the writer thread with the write connection: it must be quick, must touch only
/// its own tables, and a throw rolls back the whole write (the caller sees an error).
public protocol PrescriptionEventSink: Sendable {
    /// A prescription was stored by Submit or Replace.
    func submitted(_ event: PrescriptionSubmitted, on connection: SQLiteConnection) throws
    /// A pharmacy dispensed some lines.
    func dispensed(_ event: PrescriptionDispensed, on connection: SQLiteConnection) throws
    /// The issuing facility cancelled a prescription (first cancellation only, not retries).
    func cancelled(code: String, at: Int64, on connection: SQLiteConnection) throws
    /// A prescription was replaced by a newer one (stored just before in the same transaction).
    func replaced(code: String, by replacement: String, at: Int64, on connection: SQLiteConnection) throws
}

extension PrescriptionEventSink {
    public func submitted(_ event: PrescriptionSubmitted, on connection: SQLiteConnection) throws {}
    public func dispensed(_ event: PrescriptionDispensed, on connection: SQLiteConnection) throws {}
    public func cancelled(code: String, at: Int64, on connection: SQLiteConnection) throws {}
    public func replaced(code: String, by replacement: String, at: Int64, on connection: SQLiteConnection) throws {}
}
