import ArgumentParser
import Foundation
import Logging
import RxApp
import RxDrugKnowledge
import RxStore

/// `rx-server catalog import FILE.csv`: validate a price-declaration CSV and write it into the database.
///
/// Every bad row is printed with its line number and reason; unless `--skip-bad` is given, one bad row
/// means nothing is written. Importing the same file again changes nothing. A running server picks the
/// result up on SIGHUP or the `ReloadCatalog` call.
struct CatalogImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a catalog CSV (format: docs/drug-knowledge.md).")

    @Argument(help: "The CSV file.")
    var file: String

    @Flag(help: "Import the good rows even if some are bad (the bad ones are still reported).")
    var skipBad = false

    @Option(help: "Directory holding the SQLite database.")
    var dataDir = "data"

    func run() throws {
        var logger = Logger(label: "rx-server.catalog") { _ in SwiftLogNoOpLogHandler() }
        logger.logLevel = .error
        let store: Store
        do {
            store = try Store.open(
                directory: self.dataDir, configuration: Store.Configuration(readers: 1, migrations: Application.schema),
                logger: logger)
            try CatalogDatabase.prepare(store, logger: logger)
        } catch {
            Self.printError("cannot open the database in \(self.dataDir): \(error)")
            throw ExitCode.failure
        }
        defer { store.close() }
        do {
            let report = try Catalog.importFile(self.file, into: store, skipBad: self.skipBad)
            for problem in report.skipped {
                Self.printError("skipped \(problem)")
            }
            print(report)
        } catch {
            Self.printError(error.description)
            throw ExitCode.failure
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
