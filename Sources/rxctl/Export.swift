import ArgumentParser
import Foundation
import RxWire

/// `rxctl export CODE --fhir`: the prescription, its dispenses and its signature as a FHIR R4 Bundle.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a prescription as a FHIR R4 Bundle (JSON), built by the server (ExportFhir).")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Prescription code, e.g. 79088k3f9a2q-C.")
    var code: String

    @Flag(help: "Export as FHIR R4 JSON (the only format so far).")
    var fhir = false

    @Option(help: "Write the bundle to this file instead of standard output.")
    var out: String?

    func validate() throws {
        guard self.fhir else { throw ValidationError("choose a format: --fhir") }
    }

    func run() throws {
        var request = ExportFhirRequest()
        request.code = self.code
        let response = try PrescriptionsClient(connection: self.connection).call(
            "ExportFhir", request, returning: ExportFhirResponse.self)
        if let out {
            do {
                try Data(response.bundleJSON.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw PrescriptionInputError("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            print(response.bundleJSON)
        }
    }
}
