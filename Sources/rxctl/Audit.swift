import ArgumentParser
import Foundation
import RxWire

/// `rxctl audit …`: the regulator's view of the audit log.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit log commands (regulator).", subcommands: [Verify.self])

    /// `rxctl audit verify`: asks the server to check the hash chain of its audit log.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's hash chain (rx.v1.Prescriptions/AuditVerify); exits 2 when broken.",
            discussion: "Run with a regulator certificate, e.g. --cert Certs/dev/regulator.crt --key Certs/dev/regulator.key.")

        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let response = try PrescriptionsClient(connection: self.connection).call(
                "AuditVerify", AuditVerifyRequest(), returning: AuditVerifyResponse.self)
            let head = response.headHash.map { String(format: "%02x", $0) }.joined()
            if self.connection.json {
                try PrescriptionOutput.printJSON([
                    "intact": response.intact, "entries_checked": response.entriesChecked,
                    "first_broken_sequence": response.firstBrokenSequence, "problem": response.problem,
                    "head_hash": head,
                ])
            } else {
                var fields = [
                    ("audit chain", response.intact ? "intact" : "BROKEN"),
                    ("entries checked", String(response.entriesChecked)),
                ]
                if !response.intact {
                    fields.append(("first broken entry", String(response.firstBrokenSequence)))
                    fields.append(("problem", response.problem))
                }
                fields.append(("head hash", head.isEmpty ? "(none)" : head))
                PrescriptionOutput.printFields(fields)
            }
            if !response.intact { throw ExitCode(2) }
        }
    }
}
