import Foundation
import RxWire

/// The `.proto` files the server describes, indexed by file name and by every symbol they declare.
///
/// Built once from a serialized `FileDescriptorSet`. Each file stays the exact
/// `FileDescriptorProto` bytes protoc wrote; only the few fields needed to index it (name,
/// package, dependencies, message/enum/service names, nested types, methods) are decoded.
public struct DescriptorIndex: Sendable {
    /// A descriptor set that does not decode.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    struct File: Sendable {
        let name: String
        let dependencies: [String]
        let bytes: [UInt8]
    }

    private(set) var files: [String: File] = [:]
    /// Fully qualified symbol (message, enum, service, method, without a leading dot) → file name.
    private(set) var symbols: [String: String] = [:]

    /// The descriptors of everything in `Protos/`, as committed in `DescriptorSet.swift`.
    public static func bundled() throws -> DescriptorIndex {
        guard let data = Data(base64Encoded: DescriptorSet.base64, options: .ignoreUnknownCharacters) else {
            throw Failure(description: "DescriptorSet.base64 is not valid base64; rerun tools/gen-descriptor-set.sh")
        }
        return try DescriptorIndex(descriptorSet: [UInt8](data))
    }

    public init(descriptorSet: [UInt8]) throws {
        for fileBytes in try Self.lengthDelimitedFields(1, of: descriptorSet) {
            var name = ""
            var package = ""
            var dependencies: [String] = []
            var scoped: [(field: Int, bytes: [UInt8])] = []
            try Self.forEachLengthDelimited(in: fileBytes) { field, value in
                switch field {
                case 1: name = String(decoding: value, as: UTF8.self)
                case 2: package = String(decoding: value, as: UTF8.self)
                case 3: dependencies.append(String(decoding: value, as: UTF8.self))
                case 4, 5, 6: scoped.append((field, value))
                default: break
                }
            }
            let prefix = package.isEmpty ? "" : package + "."
            for (field, bytes) in scoped {
                switch field {
                case 4: try self.indexMessage(bytes, prefix: prefix, file: name)
                case 5: try self.indexNamed(bytes, prefix: prefix, file: name)
                default: try self.indexService(bytes, prefix: prefix, file: name)
                }
            }
            self.files[name] = File(name: name, dependencies: dependencies, bytes: fileBytes)
        }
    }

    /// The file and, after it, every file it imports directly or transitively, each once.
    func fileWithDependencies(_ name: String) -> [File]? {
        guard self.files[name] != nil else { return nil }
        var ordered: [File] = []
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let file = self.files[next] else { continue }
            ordered.append(file)
            pending.append(contentsOf: file.dependencies.reversed())
        }
        return ordered
    }

    func file(containingSymbol symbol: String) -> String? {
        self.symbols[symbol.hasPrefix(".") ? String(symbol.dropFirst()) : symbol]
    }

    private mutating func indexMessage(_ bytes: [UInt8], prefix: String, file: String) throws {
        let name = try Self.name(of: bytes)
        self.symbols[prefix + name] = file
        try Self.forEachLengthDelimited(in: bytes) { field, value in
            switch field {
            case 3: try self.indexMessage(value, prefix: prefix + name + ".", file: file)
            case 4: try self.indexNamed(value, prefix: prefix + name + ".", file: file)
            default: break
            }
        }
    }

    private mutating func indexNamed(_ bytes: [UInt8], prefix: String, file: String) throws {
        self.symbols[prefix + (try Self.name(of: bytes))] = file
    }

    private mutating func indexService(_ bytes: [UInt8], prefix: String, file: String) throws {
        let service = prefix + (try Self.name(of: bytes))
        self.symbols[service] = file
        for method in try Self.lengthDelimitedFields(2, of: bytes) {
            self.symbols[service + "." + (try Self.name(of: method))] = file
        }
    }

    private static func name(of bytes: [UInt8]) throws -> String {
        guard let name = try Self.lengthDelimitedFields(1, of: bytes).first else {
            throw Failure(description: "a descriptor has no name")
        }
        return String(decoding: name, as: UTF8.self)
    }

    private static func lengthDelimitedFields(_ number: Int, of bytes: [UInt8]) throws -> [[UInt8]] {
        var values: [[UInt8]] = []
        try Self.forEachLengthDelimited(in: bytes) { field, value in
            if field == number { values.append(value) }
        }
        return values
    }

    /// Calls `body` with each length-delimited field of a message; other wire types are skipped.
    private static func forEachLengthDelimited(in bytes: [UInt8], _ body: (Int, [UInt8]) throws -> Void) throws {
        let decoded = bytes.withUnsafeBytes { buffer in
            Result { () throws(WireError) -> [(Int, [UInt8])] in
                try ProtoReader.withReader(buffer) { (reader: inout ProtoReader) throws(WireError) -> [(Int, [UInt8])] in
                    var fields: [(Int, [UInt8])] = []
                    var unknown = UnknownFields()
                    while let tag = try reader.nextTag() {
                        if tag.wireType == .lengthDelimited {
                            fields.append((tag.fieldNumber, try reader.read(ProtoBytes.self, tag: tag)))
                        } else {
                            try reader.skip(tag: tag, preservingIn: &unknown)
                        }
                    }
                    return fields
                }
            }
        }
        let fields: [(Int, [UInt8])]
        do {
            fields = try decoded.get()
        } catch {
            throw Failure(description: "descriptor does not decode: \(error)")
        }
        for (field, value) in fields { try body(field, value) }
    }
}
