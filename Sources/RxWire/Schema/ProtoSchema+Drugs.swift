/// The types of `rx/v1/drugs.proto (service rx.v1.Drugs)`.
extension ProtoSchema {
    static let drugsMessageTypes: [any ProtoMessage.Type] = []

    static let drugsEnumTypes: [any ProtoEnum.Type] = []

    static let drugsServices: [ServiceSchema] = []
}
