import ArgumentParser
import Foundation
import Logging
import RxApp
import RxDrugKnowledge
import RxPrescriptions
import RxSignature
import RxStatistics
import RxStore
import RxWire

/// `rx-datagen`: writes a realistic national data set straight into a database file that `rx-server
/// --data-dir` then serves (same schema, via `Application.schema`).
///
/// Prescriptions follow a weekly rhythm over the last `--days` days, facilities and products a long tail,
/// most are dispensed (some in two visits), a few are cancelled or left to expire; narcotic prescriptions
/// go to distinct patients, except the planted doctor-shoppers (4 prescribers, 4 pharmacies in 90 days).
/// Signatures are not real: `signed_bytes` holds the bare content.
struct DataGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rx-datagen", abstract: "Generate a national-scale synthetic prescription database.")

    @Option(name: .customLong("data-dir"), help: "Directory of the database (created; must not hold one yet).")
    var dataDirectory: String
    @Option(help: "Prescriptions to generate.") var prescriptions = 1_000_000
    @Option(help: "Planted doctor-shoppers.") var shoppers = 25
    @Option(help: "Days of history, ending now.") var days = 365
    @Option(help: "Random seed.") var seed: UInt64 = 5_969
    @Option(help: "Facilities.") var facilities = 3_000
    @Option(help: "Prescribers.") var prescribers = 30_000
    @Option(help: "Patients.") var patients = 400_000
    @Option(name: .customLong("catalog"), help: "Catalog CSV.") var catalogPath = "tools/sample-data/catalog.csv"

    func run() throws {
        let started = Date()
        var logger = Logger(label: "rx-datagen")
        logger.logLevel = .warning
        let store = try Store.open(
            directory: self.dataDirectory, configuration: Store.Configuration(migrations: Application.schema), logger: logger)
        let catalog = try Catalog(store: store, samplePath: self.catalogPath, logger: logger)
        let products = catalog.current.products
        store.close()
        var generator = SplitMix64(seed: self.seed)
        let model = NationalModel(
            products: products, facilities: self.facilities, pharmacies: self.facilities * 2,
            generator: &generator)
        guard !model.ordinaryProducts.isEmpty, !model.controlledProducts.isEmpty else {
            throw ValidationError("the catalog needs ordinary and narcotic products")
        }
        let connection = try SQLiteConnection(
            path: URL(fileURLWithPath: self.dataDirectory).appendingPathComponent(Store.fileName).path, mode: .readWrite,
            logger: logger)
        defer { connection.close() }
        try connection.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000")
        // SQLite sorts for CREATE INDEX on helper threads when allowed: the deferred indexes build on every core.
        try connection.execute("PRAGMA threads=\(ProcessInfo.processInfo.activeProcessorCount)")
        let deferredIndexes = try Self.dropSecondaryIndexes(on: connection)
        try connection.run(
            "INSERT OR IGNORE INTO facility_register (facility_code, name, has_inpatient_beds) VALUES (?, ?, ?)",
            .text("00000"), .text("synthetic"), .integer(0))
        for facility in model.facilities {
            try connection.run(
                "INSERT OR IGNORE INTO facility_register (facility_code, name, has_inpatient_beds) VALUES (?, ?, ?)",
                .text(facility.code), .text("Cơ sở \(facility.code)"), .integer(facility.hasBeds ? 1 : 0))
        }
        let now = Int64(Date().timeIntervalSince1970)
        var planner = DataSetPlanner(
            model: model, now: now, days: self.days, patients: self.patients, prescribers: self.prescribers)
        let aggregates = StatisticsBulkLoad(expectedCells: self.prescriptions * 4)
        let writer = DataSetWriter(recorder: StatisticsRecorder(bulkLoad: aggregates), prices: model.prices)
        let planning = PlanningThread(planner: planner, generator: generator, count: self.prescriptions)
        var written = 0
        var reported = 0
        try connection.execute("BEGIN")
        while let batch = planning.next() {
            for prescription in batch { try writer.write(prescription, on: connection) }
            written += batch.count
            if written - reported >= 200_000 || written == self.prescriptions {
                reported = written
                print("\(written) prescriptions, \(Int(Date().timeIntervalSince(started))) s")
                fflush(nil)
            }
        }
        try connection.execute("COMMIT")
        (planner, generator) = planning.finish()
        try connection.execute("BEGIN")
        for shopper in 0..<self.shoppers {
            for prescription in planner.shopper(shopper, &generator) { try writer.write(prescription, on: connection) }
        }
        try connection.execute("COMMIT")
        let loaded = Date().timeIntervalSince(started)
        try connection.execute("BEGIN")
        try aggregates.write(on: connection)
        let aggregated = Date().timeIntervalSince(started)
        for index in deferredIndexes { try connection.execute(index) }
        try connection.execute("COMMIT")
        print(String(format: "loaded in %.1f s; aggregates written in %.1f s, indexes in %.1f s", loaded,
                     aggregated - loaded, Date().timeIntervalSince(started) - aggregated))
        try connection.execute("ANALYZE; PRAGMA journal_mode=WAL")
        let seconds = Date().timeIntervalSince(started)
        print(
            "wrote \(self.prescriptions) prescriptions + \(self.shoppers * 4) planted narcotic prescriptions of "
                + "\(self.shoppers) doctor-shoppers in \(String(format: "%.1f", seconds)) s "
                + "(\(Int(Double(self.prescriptions) / seconds)) per second) into \(self.dataDirectory)")
    }

    /// Drops the secondary indexes of the tables the generator fills (rebuilt once at the end, which is
    /// much cheaper than keeping them current row by row) and returns their CREATE statements. Unique
    /// constraints stay: the generator's own reads and upserts need them.
    static func dropSecondaryIndexes(on connection: SQLiteConnection) throws -> [String] {
        let indexes = try connection.query(
            """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                AND (tbl_name LIKE 'stat\\_%' ESCAPE '\\' OR tbl_name LIKE 'prescription%' OR tbl_name LIKE 'dispense%')
            """
        ) { (name: $0.string(at: 0) ?? "", sql: $0.string(at: 1) ?? "") }
        for index in indexes { try connection.execute("DROP INDEX \"\(index.name)\"") }
        return indexes.map(\.sql)
    }
}
