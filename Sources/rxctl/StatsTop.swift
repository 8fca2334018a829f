import ArgumentParser
import RxWire

/// `rxctl stats top`: the top ingredients or products in a range.
struct StatsTop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top", abstract: "Top ingredients or products by prescriptions issued or by value charged.")

    /// What is ranked.
    enum Subject: String, ExpressibleByArgument {
        case ingredient, product

        var wire: StatisticsTopNSubject { self == .product ? .product : .ingredient }
    }

    @Option(help: "First day (YYYY-MM-DD, Vietnam), inclusive.") var from: String
    @Option(help: "Last day (YYYY-MM-DD, Vietnam), exclusive.") var to: String
    @Option(name: .customLong("by"), help: "Rank ingredients or products (registration numbers).") var subject: Subject = .ingredient
    @Flag(name: .customLong("by-value"), help: "Rank by value charged instead of prescriptions.") var byValue = false
    @Option(help: "How many.") var limit: UInt32 = 20
    @Option(name: .customLong("province"), help: "Only this province (repeatable).") var provinces: [String] = []
    @Option(name: .customLong("atc"), help: "Only ATC codes with this prefix (repeatable).") var atcPrefixes: [String] = []
    @OptionGroup var output: StatsOutput
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        var request = StatisticsTopNRequest()
        request.fromUnixSeconds = try StatsOutput.startOfDay(self.from, option: "--from")
        request.toUnixSeconds = try StatsOutput.startOfDay(self.to, option: "--to")
        request.measure = self.byValue ? .value : .prescriptions
        request.limit = self.limit
        request.provinces = self.provinces
        request.atcPrefixes = self.atcPrefixes
        request.subject = self.subject.wire
        let entries = try StatisticsClient(connection: self.connection).call("TopN", request, returning: StatisticsTopNEntry.self)
        let products = self.subject == .product
        let keyColumns = products ? ["registration_number", "product_name"] : ["ingredient"]
        try self.output.emit(
            ["rank"] + keyColumns + ["prescriptions", "quantity_dispensed", "value_charged_vnd"],
            entries.map { entry in
                let keys = products ? [entry.registrationNumber, entry.productName] : [entry.ingredient]
                return entry.suppressed
                    ? [String(entry.rank)] + keys + ["suppressed", "", ""]
                    : [String(entry.rank)] + keys + [String(entry.prescriptions), String(entry.quantityDispensed),
                       String(entry.valueChargedVND)]
            })
    }
}
