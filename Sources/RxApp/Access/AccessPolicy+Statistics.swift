import RxTransport

/// Who may call `rx.v1.Statistics`: regulators only (the Ministry and provincial Departments of Health).
/// Statistics are aggregate and suppress small cells, but controlled-substance alerts name patients.
extension AccessPolicy {
    static let statisticsEntries: [Entry] = [
        Entry(method: "/rx.v1.Statistics/Query", access: .roles([.regulator]),
              note: "counts, quantities and values grouped and filtered (streamed)"),
        Entry(method: "/rx.v1.Statistics/TopN", access: .roles([.regulator]), note: "top ingredients or products (streamed)"),
        Entry(method: "/rx.v1.Statistics/Rates", access: .roles([.regulator]),
              note: "dispensing, substitution and interaction rates"),
        Entry(method: "/rx.v1.Statistics/ControlledSubstanceAlerts", access: .roles([.regulator]),
              note: "doctor-shopping and overlapping-supply alerts naming patients (audited)"),
    ]
}
