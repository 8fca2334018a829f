import ArgumentParser
import Foundation
import Logging
import RxPrescriptions
import RxStore

/// `rx-server audit …`: offline checks of the audit log in a data directory.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect the hash-chained audit log.", subcommands: [AuditVerify.self])
}

/// `rx-server audit verify`: walks the audit chain and reports the first broken link.
///
/// Opens the database read-only and applies no migrations, so it can run beside a live server (WAL lets
/// it read a consistent snapshot) and never changes what it checks.
struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every audit entry's hash link; exit 1 at the first broken one.")

    @Option(help: "Directory holding the SQLite database.")
    var dataDir = "data"

    func run() throws {
        var logger = Logger(label: "rx-server.audit")
        logger.logLevel = .warning
        let path = URL(fileURLWithPath: self.dataDir).appendingPathComponent(Store.fileName).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("no database at \(path)")
        }
        let connection = try SQLiteConnection(path: path, mode: .readOnly, logger: logger)
        defer { connection.close() }
        let result = try connection.readSnapshot { try AuditLog.verify(on: $0) }
        let head = result.headHash.map { String(format: "%02x", $0) }.joined()
        if let broken = result.firstBrokenSequence {
            print("BROKEN at entry \(broken): \(result.problem ?? "does not verify") (\(result.entriesChecked) entries checked)")
            throw ExitCode(1)
        }
        print("OK: \(result.entriesChecked) entries, head \(head)")
    }
}

extension SQLiteConnection {
    /// Runs `body` inside one read transaction so the whole chain is read from one snapshot.
    fileprivate func readSnapshot<Result>(_ body: (SQLiteConnection) throws -> Result) throws -> Result {
        try self.execute("BEGIN")
        defer { try? self.execute("COMMIT") }
        return try body(self)
    }
}
