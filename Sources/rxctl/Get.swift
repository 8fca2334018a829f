import ArgumentParser
import Foundation
import RxWire

/// `rxctl get CODE`: a prescription with its status, remaining quantities and history.
struct Get: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look up a prescription by code (rx.v1.Prescriptions/Get).")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Prescription code, e.g. 79088k3f9a2q-C.")
    var code: String

    @Option(help: "Also fetch the original signed bytes (CMS, DER) and write them to this file.")
    var signedOut: String?

    func run() throws {
        var request = GetPrescriptionRequest()
        request.code = self.code
        request.includeSignedPrescription = self.signedOut != nil
        let response = try PrescriptionsClient(connection: self.connection).call(
            "Get", request, returning: GetPrescriptionResponse.self)
        if let signedOut, !response.signedPrescription.isEmpty {
            do {
                try Data(response.signedPrescription).write(to: URL(fileURLWithPath: signedOut))
            } catch {
                throw PrescriptionInputError("cannot write \(signedOut): \(error.localizedDescription)")
            }
        }
        if self.connection.json {
            try PrescriptionOutput.printJSON(PrescriptionView.object(response))
        } else {
            PrescriptionView.printTable(response)
            if let signedOut {
                print(response.signedPrescription.isEmpty
                    ? "\nsigned bytes: not returned (identity masked)"
                    : "\nsigned bytes: \(response.signedPrescription.count) bytes written to \(signedOut)")
            }
        }
    }
}
