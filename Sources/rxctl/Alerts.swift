import ArgumentParser
import RxWire

/// `rxctl alerts`: controlled-substance monitoring (regulator). Alerts name patients; the server records
/// every read in its audit log.
struct Alerts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controlled-substance alerts: doctor shopping and overlapping supply (regulator).",
        discussion: "Defaults: the 90 days up to now, 3 prescribers and 3 pharmacies.")

    @Option(help: "First day (YYYY-MM-DD, Vietnam); default 90 days before --to.") var from: String?
    @Option(help: "Last day (YYYY-MM-DD, Vietnam), exclusive; default now.") var to: String?
    @Option(name: .customLong("min-prescribers"), help: "Prescribers needed for a shopping alert.") var minPrescribers: UInt32 = 3
    @Option(name: .customLong("min-pharmacies"), help: "Pharmacies needed for a shopping alert.") var minPharmacies: UInt32 = 3
    @OptionGroup var output: StatsOutput
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        var request = ControlledSubstanceAlertsRequest()
        if let from { request.fromUnixSeconds = try StatsOutput.startOfDay(from, option: "--from") }
        if let to { request.toUnixSeconds = try StatsOutput.startOfDay(to, option: "--to") }
        request.minPrescribers = self.minPrescribers
        request.minPharmacies = self.minPharmacies
        let alerts = try StatisticsClient(connection: self.connection).call(
            "ControlledSubstanceAlerts", request, returning: ControlledSubstanceAlert.self)
        try self.output.emit(
            ["kind", "patient", "patient_key", "class", "prescribers", "pharmacies", "overlap_days", "prescriptions"],
            alerts.map { alert in
                [alert.kind == .overlappingSupply ? "overlapping-supply" : "shopping", alert.patientName,
                 String(alert.patientKey.prefix(16)), alert.substanceClass, String(alert.prescribers),
                 String(alert.pharmacies), String(alert.overlappingDays), alert.prescriptionCodes.joined(separator: " ")]
            })
    }
}
