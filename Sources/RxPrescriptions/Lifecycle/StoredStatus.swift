import RxWire

/// The status as stored. `expired` is not among them: it is derived on read from the validity window.
public enum StoredStatus: String, Sendable, Hashable, CaseIterable {
    case active
    case partlyDispensed = "partly_dispensed"
    case completed
    case cancelled
    case replaced

    /// The status a caller sees at `now`: a dispensable prescription past its validity reads as expired.
    ///
    /// The window is `[issued_at, valid_until)`: at exactly `valid_until` it is expired.
    public func effective(validUntil: Int64, now: Int64) -> PrescriptionStatus {
        switch self {
        case .active: now >= validUntil ? .expired : .active
        case .partlyDispensed: now >= validUntil ? .expired : .partlyDispensed
        case .completed: .completed
        case .cancelled: .cancelled
        case .replaced: .replaced
        }
    }

    /// The wire value without considering expiry (for history entries).
    public var wireStatus: PrescriptionStatus {
        switch self {
        case .active: .active
        case .partlyDispensed: .partlyDispensed
        case .completed: .completed
        case .cancelled: .cancelled
        case .replaced: .replaced
        }
    }
}
