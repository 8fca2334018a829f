import ArgumentParser
import RxSignature
import RxWire

/// `rxctl submit FILE.json`: builds a prescription from a readable JSON file, signs it with the
/// doctor's key and submits it; prints the code the clearinghouse assigned.
struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign a prescription JSON file and submit it (rx.v1.Prescriptions/Submit).",
        discussion: "The file format is described in docs/rxctl.md; samples are in Examples/prescriptions/.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var signing: PrescriptionSigningOptions

    @Argument(help: "Prescription JSON file.")
    var file: String

    @Flag(help: "Build and sign, then print the prescription as signed (JSON) and its signature size; send nothing.")
    var dryRun = false

    func run() throws {
        let (prescription, signed) = try self.signing.signedPrescription(file: self.file)
        if self.dryRun {
            try PrescriptionOutput.printJSON([
                "prescription": PrescriptionJSON.object(prescription), "signed_bytes": signed.count,
                "content_sha256": SHA256.hex(prescription.serializedBytes()),
            ])
            return
        }
        var request = SubmitPrescriptionRequest()
        request.signedPrescription = signed
        request.idempotencyKey = self.signing.resolvedIdempotencyKey
        let response = try PrescriptionsClient(connection: self.connection).call(
            "Submit", request, returning: SubmitPrescriptionResponse.self)
        try Self.report(response, idempotencyKey: request.idempotencyKey, json: self.connection.json)
    }

    /// Prints a Submit or Replace answer.
    static func report(_ response: SubmitPrescriptionResponse, idempotencyKey: String, json: Bool, replaced: String? = nil)
        throws
    {
        if json {
            var object: [String: Any] = [
                "code": response.code,
                "status": PrescriptionJSON.name(response.status),
                "valid_until": PrescriptionTime.rfc3339(response.validUntilUnixSeconds),
                "valid_until_unix_seconds": response.validUntilUnixSeconds,
                "idempotency_key": idempotencyKey,
                "alerts": response.alerts.map(Self.object(alert:)),
            ]
            if let replaced { object["replaces_code"] = replaced }
            try PrescriptionOutput.printJSON(object)
            return
        }
        var fields = [
            ("code", response.code),
            ("status", PrescriptionJSON.name(response.status)),
            ("valid until", PrescriptionTime.rfc3339(response.validUntilUnixSeconds)),
        ]
        if let replaced { fields.append(("replaces", replaced)) }
        fields.append(("alerts", response.alerts.isEmpty ? "none" : String(response.alerts.count)))
        PrescriptionOutput.printFields(fields)
        if !response.alerts.isEmpty {
            PrescriptionOutput.printTable(
                ["SEVERITY", "KIND", "INGREDIENTS", "MESSAGE"],
                response.alerts.map { alert in
                    let ingredients = [alert.ingredientA, alert.ingredientB].filter { !$0.isEmpty }.joined(separator: " + ")
                    return [alert.severity, alert.kind, ingredients, alert.message]
                }, indent: "  ")
        }
    }

    private static func object(alert: PrescriptionAlert) -> [String: Any] {
        [
            "severity": alert.severity, "kind": alert.kind, "message": alert.message,
            "ingredient_a": alert.ingredientA, "ingredient_b": alert.ingredientB,
            "other_prescription_code": alert.otherPrescriptionCode, "source": alert.source, "rule_id": alert.ruleID,
        ]
    }
}
