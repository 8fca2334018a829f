/// The types of `rx/v1/prescriptions.proto (service rx.v1.Prescriptions)`.
extension ProtoSchema {
    static let prescriptionsServiceMessageTypes: [any ProtoMessage.Type] = [
        PrescriptionAlert.self, SubmitPrescriptionRequest.self, SubmitPrescriptionResponse.self,
        GetPrescriptionRequest.self, PrescriptionLineState.self, DispensedLine.self,
        DispensePrescriptionRequest.self, DispensePrescriptionResponse.self, DispenseRecord.self,
        StatusChange.self, GetPrescriptionResponse.self, CancelPrescriptionRequest.self,
        CancelPrescriptionResponse.self, ReplacePrescriptionRequest.self, AuditVerifyRequest.self,
        AuditVerifyResponse.self, ExportFhirRequest.self, ExportFhirResponse.self,
    ]

    static let prescriptionsServiceEnumTypes: [any ProtoEnum.Type] = [PrescriptionStatus.self]

    static let prescriptionsServices: [ServiceSchema] = [.prescriptions]
}
