/// The types of `rx/v1/prescription.proto`.
extension ProtoSchema {
    static let prescriptionMessageTypes: [any ProtoMessage.Type] = [
        CivilDate.self, Prescriber.self, Patient.self, Diagnosis.self,
        DrugLine.self, DrugLine.ActiveIngredient.self, DrugLine.Directions.self,
        InteractionOverride.self, Prescription.self,
    ]

    static let prescriptionEnumTypes: [any ProtoEnum.Type] = [PrescriptionType.self, Sex.self]
}
