import RxWire

/// Compares what `protoc` says `Protos/` declares with what the Swift side declares,
/// and lists every difference as one readable line naming the message, field,
/// enum value, service or method.
struct SchemaDrift {
    private var protoMessages: [String: (message: DescriptorProto, syntax: String)] = [:]
    private var protoEnums: [String: EnumDescriptorProto] = [:]
    private var protoServices: [String: ServiceDescriptorProto] = [:]
    /// Synthetic map-entry messages by name: (key field, value field).
    private var mapEntries: [String: (key: FieldDescriptorProto, value: FieldDescriptorProto)] = [:]

    init(descriptors: FileDescriptorSet) {
        for file in descriptors.file {
            let prefix = file.package.isEmpty ? "" : file.package + "."
            for message in file.messageType { self.collect(message, prefix: prefix, syntax: file.syntax) }
            for enumType in file.enumType { self.protoEnums[prefix + enumType.name] = enumType }
            for service in file.service { self.protoServices[prefix + service.name] = service }
        }
    }

    private mutating func collect(_ message: DescriptorProto, prefix: String, syntax: String) {
        let name = prefix + message.name
        if message.options?.mapEntry == true {
            if let key = message.field.first(where: { $0.number == 1 }), let value = message.field.first(where: { $0.number == 2 }) {
                self.mapEntries[name] = (key, value)
            }
            return
        }
        self.protoMessages[name] = (message, syntax)
        for nested in message.nestedType { self.collect(nested, prefix: name + ".", syntax: syntax) }
        for enumType in message.enumType { self.protoEnums[name + "." + enumType.name] = enumType }
    }

    /// Every difference, sorted; empty when Protos/ and Swift agree.
    func differences(messages: [MessageSchema], enums: [EnumSchema], services: [ServiceSchema]) -> [String] {
        var found: [String] = []
        let swiftMessages = Dictionary(messages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(self.protoMessages.keys).union(swiftMessages.keys).sorted() {
            switch (self.protoMessages[name], swiftMessages[name]) {
            case (let proto?, let swift?): found += self.compare(proto.message, syntax: proto.syntax, with: swift)
            case (_?, nil): found.append("message \(name): in Protos but has no Swift type in ProtoSchema.messageTypes")
            case (nil, _?): found.append("message \(name): has a Swift type but is not in Protos")
            case (nil, nil): break
            }
        }
        let swiftEnums = Dictionary(enums.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(self.protoEnums.keys).union(swiftEnums.keys).sorted() {
            switch (self.protoEnums[name], swiftEnums[name]) {
            case (let proto?, let swift?): found += Self.compare(proto, with: swift, name: name)
            case (_?, nil): found.append("enum \(name): in Protos but has no Swift type in ProtoSchema.enumTypes")
            case (nil, _?): found.append("enum \(name): has a Swift type but is not in Protos")
            case (nil, nil): break
            }
        }
        let swiftServices = Dictionary(services.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(self.protoServices.keys).union(swiftServices.keys).sorted() {
            switch (self.protoServices[name], swiftServices[name]) {
            case (let proto?, let swift?): found += Self.compare(proto, with: swift)
            case (_?, nil): found.append("service \(name): in Protos but not in ProtoSchema.services")
            case (nil, _?): found.append("service \(name): in ProtoSchema.services but not in Protos")
            case (nil, nil): break
            }
        }
        return found
    }

    private func compare(_ message: DescriptorProto, syntax: String, with swift: MessageSchema) -> [String] {
        var found: [String] = []
        let expected = message.field.map { self.fieldSchema(for: $0, in: message, syntax: syntax) }
        let protoByName = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let swiftByName = Dictionary(swift.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(protoByName.keys).union(swiftByName.keys).sorted() {
            let path = "\(swift.name).\(name)"
            switch (protoByName[name], swiftByName[name]) {
            case (let proto?, let swift?):
                if proto.number != swift.number { found.append("\(path): number is \(proto.number) in Protos, \(swift.number) in Swift") }
                if proto.type != swift.type { found.append("\(path): type is \(proto.type) in Protos, \(swift.type) in Swift") }
                if proto.cardinality != swift.cardinality {
                    found.append("\(path): cardinality is \(proto.cardinality) in Protos, \(swift.cardinality) in Swift")
                }
                if proto.oneof != swift.oneof {
                    found.append("\(path): oneof is \(proto.oneof ?? "none") in Protos, \(swift.oneof ?? "none") in Swift")
                }
            case (let proto?, nil): found.append("\(path): field `\(proto)` is in Protos but not in the Swift schema")
            case (nil, let swift?): found.append("\(path): field `\(swift)` is in the Swift schema but not in Protos")
            case (nil, nil): break
            }
        }
        return found
    }

    /// The Swift-side description a descriptor field should have.
    private func fieldSchema(for field: FieldDescriptorProto, in message: DescriptorProto, syntax: String) -> FieldSchema {
        let isRepeated = field.label == 3
        let entry = self.mapEntries[Self.stripDot(field.typeName)]
        let type: FieldType
        if isRepeated, let entry {
            type = .map(key: Self.fieldType(entry.key), value: Self.fieldType(entry.value))
        } else {
            type = Self.fieldType(field)
        }
        let cardinality: FieldSchema.Cardinality
        if isRepeated {
            let packable = type.wireType != .lengthDelimited
            let packed = field.options?.packed ?? (syntax == "proto3" && packable)
            cardinality = packable && packed ? .packed : .repeated
        } else {
            cardinality = field.proto3Optional ? .optional : .singular
        }
        var oneof: String?
        if let index = field.oneofIndex, !field.proto3Optional, message.oneofDecl.indices.contains(Int(index)) {
            oneof = message.oneofDecl[Int(index)].name
        }
        return FieldSchema(field.name, Int(field.number), type, cardinality, oneof: oneof)
    }

    private static func fieldType(_ field: FieldDescriptorProto) -> FieldType {
        switch field.type {
        case 1: .double
        case 2: .float
        case 3: .int64
        case 4: .uint64
        case 5: .int32
        case 6: .fixed64
        case 7: .fixed32
        case 8: .bool
        case 9: .string
        case 11: .message(Self.stripDot(field.typeName))
        case 12: .bytes
        case 13: .uint32
        case 14: .enumeration(Self.stripDot(field.typeName))
        case 15: .sfixed32
        case 16: .sfixed64
        case 17: .sint32
        case 18: .sint64
        default: .message("unsupported descriptor type \(field.type)")
        }
    }

    private static func compare(_ proto: EnumDescriptorProto, with swift: EnumSchema, name: String) -> [String] {
        var found: [String] = []
        let protoValues = Dictionary(proto.value.map { ($0.name, $0.number) }, uniquingKeysWith: { first, _ in first })
        let swiftValues = Dictionary(swift.values.map { ($0.name, $0.number) }, uniquingKeysWith: { first, _ in first })
        for value in Set(protoValues.keys).union(swiftValues.keys).sorted() {
            switch (protoValues[value], swiftValues[value]) {
            case (let protoNumber?, let swiftNumber?) where protoNumber != swiftNumber:
                found.append("\(name).\(value): number is \(protoNumber) in Protos, \(swiftNumber) in Swift")
            case (let protoNumber?, nil): found.append("\(name).\(value) = \(protoNumber): in Protos but not in the Swift enum")
            case (nil, let swiftNumber?): found.append("\(name).\(value) = \(swiftNumber): in the Swift enum but not in Protos")
            default: break
            }
        }
        return found
    }

    private static func compare(_ proto: ServiceDescriptorProto, with swift: ServiceSchema) -> [String] {
        var found: [String] = []
        let protoMethods = Dictionary(proto.method.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(protoMethods.keys).union(swift.methods.map(\.name)).sorted() {
            let path = swift.path(of: MethodSchema(name: name, inputType: "", outputType: ""))
            switch (protoMethods[name], swift.method(named: name)) {
            case (let proto?, let method?):
                let protoShape = "\(Self.stripDot(proto.inputType)) -> \(Self.stripDot(proto.outputType)), client streaming \(proto.clientStreaming), server streaming \(proto.serverStreaming)"
                let swiftShape = "\(method.inputType) -> \(method.outputType), client streaming \(method.clientStreaming), server streaming \(method.serverStreaming)"
                if protoShape != swiftShape { found.append("method \(path): Protos has \(protoShape); Swift has \(swiftShape)") }
            case (_?, nil): found.append("method \(path): in Protos but not in the Swift service")
            case (nil, _?): found.append("method \(path): in the Swift service but not in Protos")
            case (nil, nil): break
            }
        }
        return found
    }

    private static func stripDot(_ name: String) -> String {
        name.hasPrefix(".") ? String(name.dropFirst()) : name
    }
}
