import ArgumentParser
import Foundation
import RxWire

/// `rxctl cancel CODE --reason TEXT`: the issuing facility stops further dispensing.
struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cancel a prescription of your facility (rx.v1.Prescriptions/Cancel).")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Prescription code.")
    var code: String

    @Option(help: "Why the prescription is cancelled (kept in its history).")
    var reason: String

    func validate() throws {
        guard !self.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--reason must not be empty")
        }
    }

    func run() throws {
        var request = CancelPrescriptionRequest()
        request.code = self.code
        request.reason = self.reason
        let response = try PrescriptionsClient(connection: self.connection).call(
            "Cancel", request, returning: CancelPrescriptionResponse.self)
        if self.connection.json {
            try PrescriptionOutput.printJSON(["code": response.code, "status": PrescriptionJSON.name(response.status)])
        } else {
            PrescriptionOutput.printFields([("code", response.code), ("status", PrescriptionJSON.name(response.status))])
        }
    }
}
