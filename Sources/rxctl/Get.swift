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

    @Flag(help: "Also print the code as a QR code in the terminal, as the patient carries it to the pharmacy.")
    var qr = false

    @Option(help: "Also write the code as a QR code PNG image to this file.")
    var qrPng: String?

    @Flag(help: "With --qr: swap dark and light, for terminals with light text on a dark background.")
    var qrInvert = false

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
        try self.writeQR()
    }

    /// The QR code of the code as asked on the command line (the lookup above proved it exists).
    private func writeQR() throws {
        guard self.qr || self.qrPng != nil else { return }
        let symbol = try QRCode(bytes: Array(self.code.utf8))
        if self.qr {
            print("")
            print(symbol.terminalText(inverted: self.qrInvert), terminator: "")
        }
        if let qrPng {
            do {
                try Data(symbol.png()).write(to: URL(fileURLWithPath: qrPng))
            } catch {
                throw PrescriptionInputError("cannot write \(qrPng): \(error.localizedDescription)")
            }
        }
    }
}
