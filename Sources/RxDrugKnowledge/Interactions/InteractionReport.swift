/// The outcome of one check: every finding, and what decides a Submit.
public struct InteractionReport: Sendable, Hashable {
    /// Every finding, most severe first, then by line (new prescription lines before other prescriptions).
    public let alerts: [InteractionAlert]

    public init(alerts: [InteractionAlert]) {
        self.alerts = alerts
    }

    /// Contraindicated findings without an override: a Submit must be refused while this is not empty.
    public var blocking: [InteractionAlert] {
        self.alerts.filter(\.isBlocking)
    }

    /// Findings the prescriber overrode (to be recorded and counted).
    public var overridden: [InteractionAlert] {
        self.alerts.filter(\.isOverridden)
    }

    /// Whether the submission must be refused.
    public var isBlocked: Bool {
        self.alerts.contains(where: \.isBlocking)
    }

    /// The highest severity found, nil when nothing was found.
    public var highestSeverity: InteractionSeverity? {
        self.alerts.first?.severity
    }
}
