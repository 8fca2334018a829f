/// `rx.v1.ExportFhirResponse`: the prescription as a FHIR R4 Bundle, kept as JSON text so health
/// information exchanges can take it as is.
public struct ExportFhirResponse: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.ExportFhirResponse", fields: [
        FieldSchema("code", 1, .string),
        FieldSchema("bundle_json", 2, .string),
    ])

    /// The canonical prescription code.
    public var code = ""
    /// The `Bundle` (type `collection`) as JSON.
    public var bundleJSON = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.code, field: 1)
        visitor.visitSingular(ProtoString.self, self.bundleJSON, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.bundleJSON = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
