import ArgumentParser
import RxWire

/// `rxctl stats rates`: dispensing, substitution and interaction rates.
struct StatsRates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: "Dispensing rate, median time to first dispense, substitution and alert shares.")

    @Option(help: "First day (YYYY-MM-DD, Vietnam), inclusive.") var from: String
    @Option(help: "Last day (YYYY-MM-DD, Vietnam), exclusive.") var to: String
    @Option(name: .customLong("facility"), help: "Only this facility (repeatable).") var facilities: [String] = []
    @Option(name: .customLong("province"), help: "Only this province (repeatable).") var provinces: [String] = []
    @OptionGroup var output: StatsOutput
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        var request = StatisticsRatesRequest()
        request.fromUnixSeconds = try StatsOutput.startOfDay(self.from, option: "--from")
        request.toUnixSeconds = try StatsOutput.startOfDay(self.to, option: "--to")
        request.facilityCodes = self.facilities
        request.provinces = self.provinces
        let rates = try StatisticsClient(connection: self.connection).call("Rates", request, returning: StatisticsRates.self)
        guard let rates = rates.first else { return }
        let values: [String] = rates.suppressed
            ? ["suppressed", "", "", "", "", "", ""]
            : [String(rates.prescriptions), String(rates.dispensed), String(rates.dispensingRate),
               String(rates.medianSecondsToFirstDispense), String(rates.genericSubstitutionRate),
               String(rates.interactionAlertShare), String(rates.overrideShare)]
        try self.output.emit(
            ["prescriptions", "dispensed", "dispensing_rate", "median_seconds_to_first_dispense",
             "generic_substitution_rate", "interaction_alert_share", "override_share"],
            [values])
    }
}
