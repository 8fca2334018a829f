extension ServiceSchema {
    /// `rx.v1.Prescriptions`: submit, look up, dispense, cancel and replace e-prescriptions, check
    /// the audit chain, and export FHIR R4 bundles.
    public static let prescriptions = ServiceSchema(name: "rx.v1.Prescriptions", methods: [
        MethodSchema(
            name: "Submit", inputType: SubmitPrescriptionRequest.protoMessageName,
            outputType: SubmitPrescriptionResponse.protoMessageName),
        MethodSchema(
            name: "Get", inputType: GetPrescriptionRequest.protoMessageName,
            outputType: GetPrescriptionResponse.protoMessageName),
        MethodSchema(
            name: "Dispense", inputType: DispensePrescriptionRequest.protoMessageName,
            outputType: DispensePrescriptionResponse.protoMessageName),
        MethodSchema(
            name: "Cancel", inputType: CancelPrescriptionRequest.protoMessageName,
            outputType: CancelPrescriptionResponse.protoMessageName),
        MethodSchema(
            name: "Replace", inputType: ReplacePrescriptionRequest.protoMessageName,
            outputType: SubmitPrescriptionResponse.protoMessageName),
        MethodSchema(
            name: "AuditVerify", inputType: AuditVerifyRequest.protoMessageName,
            outputType: AuditVerifyResponse.protoMessageName),
        MethodSchema(
            name: "ExportFhir", inputType: ExportFhirRequest.protoMessageName,
            outputType: ExportFhirResponse.protoMessageName),
    ])
}
