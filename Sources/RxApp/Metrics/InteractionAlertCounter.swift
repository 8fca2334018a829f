import RxDrugKnowledge
import Synchronization

/// Interaction alerts raised by Submit-time screening, by severity, for `/metrics`.
///
/// Only screening of real submissions counts (not `CheckInteractions` drafts), so the rate shows how
/// often prescribers are warned while prescribing.
public final class InteractionAlertCounter: Sendable {
    private let counts = Mutex<[InteractionSeverity: Int]>(
        Dictionary(uniqueKeysWithValues: InteractionSeverity.allCases.map { ($0, 0) }))

    public init() {}

    func record(_ alerts: [RxDrugKnowledge.InteractionAlert]) {
        guard !alerts.isEmpty else { return }
        self.counts.withLock { counts in
            for alert in alerts { counts[alert.severity, default: 0] += 1 }
        }
    }

    /// Alerts so far by severity name (`minor` … `contraindicated`), every severity present.
    public var bySeverity: [(severity: String, count: Int)] {
        let counts = self.counts.withLock { $0 }
        return InteractionSeverity.allCases.map { ($0.name, counts[$0] ?? 0) }
    }
}
