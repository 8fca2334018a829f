/// The types of `rx/v1/prescriptions.proto (service rx.v1.Prescriptions)`.
extension ProtoSchema {
    static let prescriptionsServiceMessageTypes: [any ProtoMessage.Type] = []

    static let prescriptionsServiceEnumTypes: [any ProtoEnum.Type] = []

    static let prescriptionsServices: [ServiceSchema] = []
}
