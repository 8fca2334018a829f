import RxWire

/// A dispense just recorded.
public struct PrescriptionDispensed: Sendable {
    public var code: String
    /// The dispensing pharmacy.
    public var pharmacyFacilityCode: String
    /// When it was recorded (Unix seconds).
    public var at: Int64
    /// The lines handed out, with the product actually given and both prices.
    public var lines: [DispensedLine]
    /// Status before and after the dispense (`partlyDispensed` or `completed` after).
    public var previousStatus: StoredStatus
    public var newStatus: StoredStatus

    public init(
        code: String, pharmacyFacilityCode: String, at: Int64, lines: [DispensedLine], previousStatus: StoredStatus,
        newStatus: StoredStatus
    ) {
        self.code = code
        self.pharmacyFacilityCode = pharmacyFacilityCode
        self.at = at
        self.lines = lines
        self.previousStatus = previousStatus
        self.newStatus = newStatus
    }
}
