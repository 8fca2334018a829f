import ArgumentParser
import Foundation
import RxWire

/// `rxctl export CODE --fhir`: the prescription, its dispenses and its signature as a FHIR R4 Bundle.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a prescription as a FHIR R4 Bundle (JSON), built from Get and the catalog.")

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
        var request = GetPrescriptionRequest()
        request.code = self.code
        request.includeSignedPrescription = true
        let response = try PrescriptionsClient(connection: self.connection).call(
            "Get", request, returning: GetPrescriptionResponse.self)
        var bundle = FHIRBundle(response: response, atcCodes: self.atcCodes(response))
        let data = try JSONSerialization.data(
            withJSONObject: bundle.build(), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        if let out {
            do {
                try data.write(to: URL(fileURLWithPath: out))
            } catch {
                throw PrescriptionInputError("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// ATC codes of each product from the catalog; a product the catalog lacks just has none.
    private func atcCodes(_ response: GetPrescriptionResponse) -> [String: [String]] {
        var codes: [String: [String]] = [:]
        for line in response.prescription?.lines ?? [] where codes[line.registrationNumber] == nil {
            var request = GetProductRequest()
            request.registrationNumber = line.registrationNumber
            let product: GetProductResponse? = try? DrugsCall.unary("GetProduct", request, connection: self.connection)
            codes[line.registrationNumber] = product?.product?.atcCodes ?? []
        }
        return codes
    }
}
