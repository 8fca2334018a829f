import ArgumentParser
import RxWire

/// `rxctl replace CODE FILE.json`: submits a corrected prescription that supersedes CODE. The signed
/// content names CODE in `replaces_code`, so the doctor's signature covers what is withdrawn.
struct Replace: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace a prescription with a corrected, newly signed one (rx.v1.Prescriptions/Replace).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var signing: PrescriptionSigningOptions

    @Argument(help: "Code of the prescription to replace.")
    var code: String

    @Argument(help: "Corrected prescription JSON file.")
    var file: String

    func run() throws {
        let (_, signed) = try self.signing.signedPrescription(file: self.file, replacing: self.code)
        var request = ReplacePrescriptionRequest()
        request.signedPrescription = signed
        request.idempotencyKey = self.signing.resolvedIdempotencyKey
        let response = try PrescriptionsClient(connection: self.connection).call(
            "Replace", request, returning: SubmitPrescriptionResponse.self)
        try Submit.report(
            response, idempotencyKey: request.idempotencyKey, json: self.connection.json, replaced: self.code)
    }
}
