import RxWire

/// The outcome of screening a new prescription.
public struct ScreeningResult: Sendable, Equatable {
    /// Everything worth telling the prescriber; returned with the code.
    public var alerts: [PrescriptionAlert]
    /// Alerts that stop the submission until the prescriber acknowledges them with an
    /// `InteractionOverride` (ingredient pair and reason) in the signed content.
    public var blocking: [PrescriptionAlert]
    /// Alerts covered by an override in the signed content (also listed in `alerts`); Submit records them.
    public var acknowledged: [AcknowledgedAlert]

    public init(alerts: [PrescriptionAlert] = [], blocking: [PrescriptionAlert] = [], acknowledged: [AcknowledgedAlert] = []) {
        self.alerts = alerts
        self.blocking = blocking
        self.acknowledged = acknowledged
    }
}
