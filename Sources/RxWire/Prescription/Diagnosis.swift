/// `rx.v1.Diagnosis`: one diagnosis, coded and in the prescriber's words.
public struct Diagnosis: ProtoMessage {
    public static let schema = MessageSchema(name: "rx.v1.Diagnosis", fields: [
        FieldSchema("icd10_code", 1, .string),
        FieldSchema("text", 2, .string),
    ])

    /// ICD-10 code, e.g. "J06.9".
    public var icd10Code = ""
    public var text = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public init(icd10Code: String, text: String) {
        self.icd10Code = icd10Code
        self.text = text
    }

    public func visitFields<Visitor: ProtoFieldVisitor>(with visitor: inout Visitor) {
        visitor.visitSingular(ProtoString.self, self.icd10Code, field: 1)
        visitor.visitSingular(ProtoString.self, self.text, field: 2)
        visitor.visitUnknown(self.unknownFields)
    }

    public mutating func merge(from reader: inout ProtoReader) throws(WireError) {
        while let tag = try reader.nextTag() {
            switch tag.fieldNumber {
            case 1: self.icd10Code = try reader.read(ProtoString.self, tag: tag)
            case 2: self.text = try reader.read(ProtoString.self, tag: tag)
            default: try reader.skip(tag: tag, preservingIn: &self.unknownFields)
            }
        }
    }
}
