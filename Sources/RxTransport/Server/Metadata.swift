/// Custom request metadata (`x-…` headers and the like) as handlers see it.
///
/// Binary values (`-bin` suffix) arrive base64-encoded on the wire and are decoded here, so a
/// handler never deals with the transfer encoding. Reserved gRPC and HTTP/2 headers are not
/// included: the transport consumes them.
public struct Metadata: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case binary([UInt8])
    }

    public private(set) var entries: [(name: String, value: Value)] = []

    public init() {}

    public mutating func append(name: String, value: Value) {
        self.entries.append((name, value))
    }

    /// The first text value of `name` (names are lower-case on HTTP/2).
    public func text(_ name: String) -> String? {
        for entry in self.entries where entry.name == name {
            if case .text(let value) = entry.value { return value }
        }
        return nil
    }

    /// The first binary value of `name`, which must end in `-bin`.
    public func binary(_ name: String) -> [UInt8]? {
        for entry in self.entries where entry.name == name {
            if case .binary(let value) = entry.value { return value }
        }
        return nil
    }

    public static func == (lhs: Metadata, rhs: Metadata) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in self.entries {
            hasher.combine(entry.name)
            hasher.combine(entry.value)
        }
    }
}
