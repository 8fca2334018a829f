import ArgumentParser
import RxWire

/// `rxctl stats query`: counts, quantities and values grouped and filtered.
struct StatsQuery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Counts, quantities and values over a date range, grouped by dimensions.",
        discussion: """
            Dimensions: day, week, month, facility, province, ingredient, atc, type. Cells with fewer than 5 \
            distinct patients print as "suppressed".
            Example: rxctl stats query --from 2026-01-01 --to 2026-02-01 --group-by month,province
            """)

    static let dimensions: [String: StatisticsDimension] = [
        "day": .day, "week": .week, "month": .month, "facility": .facility, "province": .province,
        "ingredient": .ingredient, "atc": .atc, "type": .type,
    ]

    @Option(help: "First day (YYYY-MM-DD, Vietnam), inclusive.") var from: String
    @Option(help: "Last day (YYYY-MM-DD, Vietnam), exclusive.") var to: String
    @Option(name: .customLong("group-by"), help: "Comma-separated dimensions.") var groupBy: String = ""
    @Option(name: .customLong("atc-level"), help: "ATC level 1-5 for the atc dimension.") var atcLevel: UInt32 = 5
    @Option(name: .customLong("facility"), help: "Only this facility (repeatable).") var facilities: [String] = []
    @Option(name: .customLong("province"), help: "Only this province (repeatable).") var provinces: [String] = []
    @Option(name: .customLong("ingredient"), help: "Only this ingredient (repeatable).") var ingredients: [String] = []
    @Option(name: .customLong("atc"), help: "Only ATC codes with this prefix (repeatable).") var atcPrefixes: [String] = []
    @OptionGroup var output: StatsOutput
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        var query = StatisticsQuery()
        query.fromUnixSeconds = try StatsOutput.startOfDay(self.from, option: "--from")
        query.toUnixSeconds = try StatsOutput.startOfDay(self.to, option: "--to")
        let names = self.groupBy.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        query.groupBy = try names.map { name in
            guard let dimension = Self.dimensions[name] else {
                throw ValidationError("unknown dimension \"\(name)\"; choose from \(Self.dimensions.keys.sorted().joined(separator: ", "))")
            }
            return dimension
        }
        query.atcLevel = self.atcLevel
        query.facilityCodes = self.facilities
        query.provinces = self.provinces
        query.ingredients = self.ingredients
        query.atcPrefixes = self.atcPrefixes
        let rows = try StatisticsClient(connection: self.connection).call("Query", query, returning: StatisticsRow.self)
        let header = names + [
            "issued", "dispensed_fully", "dispensed_partly", "cancelled", "expired", "quantity_prescribed",
            "quantity_dispensed", "value_reference_vnd", "value_charged_vnd", "patients",
        ]
        try self.output.emit(header, rows.map { row in
            guard !row.suppressed else { return row.keys + ["suppressed"] + Array(repeating: "", count: 9) }
            return row.keys + [
                row.issued, row.dispensedFully, row.dispensedPartly, row.cancelled, row.expired, row.quantityPrescribed,
                row.quantityDispensed,
            ].map(String.init) + [String(row.valueReferenceVND), String(row.valueChargedVND), String(row.distinctPatients)]
        })
    }
}
