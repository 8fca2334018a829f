import ArgumentParser
import Foundation
import Logging
import RxStore

/// `rx-server backup …`: online backups of a data directory's database.
///
/// `rx-server backup PATH` copies the live database (the default subcommand), `rx-server backup verify
/// PATH` checks a copy. Both open the databases directly and apply no migrations, so they run beside a
/// serving process and never change what they read.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back up the database while the server runs, or verify a backup.",
        subcommands: [BackupCreate.self, BackupVerify.self], defaultSubcommand: BackupCreate.self)

    /// A logger for the backup tools' own connections: only problems they cannot throw.
    static func quietLogger() -> Logger {
        var logger = Logger(label: "rx-server.backup")
        logger.logLevel = .warning
        return logger
    }
}

/// `rx-server backup PATH`: an online, consistent copy through SQLite's backup API.
///
/// The source is opened read-only next to the server: in WAL mode its one-step backup is a single read
/// transaction, a snapshot of committed data while the server keeps committing. The copy is written to
/// `PATH.partial`, checked, and renamed over `PATH`, so `PATH` is never a half-written file.
struct BackupCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Copy the live database to PATH (consistent snapshot).")

    @Argument(help: "The backup file to write (replaced when present).")
    var path: String

    @Option(help: "Directory holding the SQLite database.")
    var dataDir = "data"

    func run() throws {
        let logger = Backup.quietLogger()
        let source = URL(fileURLWithPath: self.dataDir).appendingPathComponent(Store.fileName).path
        guard FileManager.default.fileExists(atPath: source) else {
            throw ValidationError("no database at \(source)")
        }
        let partial = self.path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        let connection = try SQLiteConnection(path: source, mode: .readOnly, logger: logger)
        defer { connection.close() }
        try connection.setBusyTimeout(milliseconds: 5_000)
        try connection.backup(to: partial)
        try Self.makeSelfContained(partial, logger: logger)
        let report = try BackupReport.inspect(path: partial, logger: logger)
        guard report.problems.isEmpty else {
            try? FileManager.default.removeItem(atPath: partial)
            throw BackupFailure(path: self.path, problems: report.problems)
        }
        if FileManager.default.fileExists(atPath: self.path) {
            try FileManager.default.removeItem(atPath: self.path)
        }
        try FileManager.default.moveItem(atPath: partial, toPath: self.path)
        print("OK: backed up \(source) to \(self.path)")
        print(report.summary)
    }

    /// The copy carries the live database's WAL flag in its header; switching it to a rollback journal
    /// makes the backup one self-contained file (no `-wal`/`-shm` beside it) that can be moved, checked
    /// read-only and opened by a server, which switches it back to WAL.
    static func makeSelfContained(_ path: String, logger: Logger) throws {
        let connection = try SQLiteConnection(path: path, mode: .readWrite, logger: logger)
        defer { connection.close() }
        _ = try connection.pragma("journal_mode = DELETE")
    }
}

/// `rx-server backup verify PATH`: integrity check, row counts and the audit chain of a backup.
struct BackupVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a backup: integrity, row counts, audit chain; exit 1 on any problem.")

    @Argument(help: "The backup file to check.")
    var path: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: self.path) else {
            throw ValidationError("no backup at \(self.path)")
        }
        let report = try BackupReport.inspect(path: self.path, logger: Backup.quietLogger())
        print(report.summary)
        guard report.problems.isEmpty else {
            for problem in report.problems {
                print("PROBLEM: \(problem)")
            }
            throw ExitCode(1)
        }
        print("OK: \(self.path) verifies")
    }
}

/// A backup that failed its own check; nothing was written to `path`.
struct BackupFailure: Error, CustomStringConvertible {
    var path: String
    var problems: [String]

    var description: String {
        "backup to \(self.path) abandoned: " + self.problems.joined(separator: "; ")
    }
}
