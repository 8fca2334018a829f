/// Everything in `Protos/` as the Swift side implements it: message types, enum
/// types and services. The conformance tests compare this with `protoc`'s
/// descriptors, and the transport routes by the services' method paths.
public enum ProtoSchema {
    /// Every hand-written message type, one per message in `Protos/` (map entry
    /// messages excepted: they are Swift dictionaries).
    public static let messageTypes: [any ProtoMessage.Type] =
        Self.healthMessageTypes + Self.diagnosticsMessageTypes + Self.prescriptionMessageTypes
        + Self.prescriptionsServiceMessageTypes + Self.drugsMessageTypes + Self.reflectionMessageTypes
        + Self.statisticsMessageTypes

    /// Every enum type in `Protos/`.
    public static let enumTypes: [any ProtoEnum.Type] =
        Self.healthEnumTypes + Self.diagnosticsEnumTypes + Self.prescriptionEnumTypes
        + Self.prescriptionsServiceEnumTypes + Self.drugsEnumTypes + Self.reflectionEnumTypes + Self.statisticsEnumTypes

    /// Every service in `Protos/`.
    public static let services: [ServiceSchema] =
        [.health, .diagnostics] + Self.prescriptionsServices + Self.drugsServices + Self.reflectionServices
        + Self.statisticsServices

    public static var messages: [MessageSchema] { Self.messageTypes.map { $0.schema } }

    public static var enums: [EnumSchema] { Self.enumTypes.map { $0.schema } }

    /// The message type with this fully qualified name, e.g. to decode by name in tools.
    public static func messageType(named name: String) -> (any ProtoMessage.Type)? {
        Self.messageTypes.first { $0.protoMessageName == name }
    }
}
