import ArgumentParser
import Foundation
import RxSignature
import RxWire

/// Flags of the commands that sign a prescription file (submit, replace): the doctor's signing
/// certificate and key, and the idempotency key of the submission.
struct PrescriptionSigningOptions: ParsableArguments {
    @Option(help: "The doctor's signing certificate (PEM), issued by the prescriber-signing CA.")
    var signerCert = "Certs/dev/doctor-1.crt"

    @Option(help: "Private key (PEM) of the signing certificate.")
    var signerKey = "Certs/dev/doctor-1.key"

    @Option(help: "Intermediate certificate file (PEM) to include in the signature; repeatable.")
    var signerChain: [String] = []

    @Option(help: "Idempotency key; a retry with the same key returns the first answer. Default: a new random UUID.")
    var idempotencyKey: String?

    /// The key to send: the given one, or a fresh random UUID.
    var resolvedIdempotencyKey: String { self.idempotencyKey ?? UUID().uuidString.lowercased() }

    /// Reads `file`, builds the `Prescription` and signs its encoding as CMS SignedData.
    ///
    /// - Parameter replacing: For a correction, the code being replaced; it must agree with any
    ///   `replaces_code` in the file.
    func signedPrescription(file: String, replacing: String? = nil) throws -> (Prescription, [UInt8]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw PrescriptionInputError("cannot read \(file): \(error.localizedDescription)")
        }
        var prescription: Prescription
        do {
            prescription = try PrescriptionJSON.prescription(from: data, now: Int64(Date().timeIntervalSince1970))
        } catch {
            throw PrescriptionInputError("\(file): \(error)")
        }
        if let replacing {
            if let named = prescription.replacesCode, named != replacing {
                throw PrescriptionInputError("\(file) says replaces_code \(named), but the command replaces \(replacing)")
            }
            prescription.replacesCode = replacing
        }
        do {
            let signed = try CMSSigner.sign(
                content: prescription.serializedBytes(), certificateFile: self.signerCert,
                privateKeyFile: self.signerKey, chainFiles: self.signerChain)
            return (prescription, signed)
        } catch {
            throw PrescriptionInputError("cannot sign \(file): \(error)")
        }
    }
}
