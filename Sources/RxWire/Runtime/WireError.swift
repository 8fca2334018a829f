/// Why a byte string is not a valid encoding of the expected message, and where.
///
/// Every decoding failure is one of these: the decoder never traps and never reads
/// outside its input. `fieldPath` names the field being decoded, starting with the
/// top-level message name, e.g. `rx.v1.Prescription.patient.full_name`; fields the
/// schema does not know appear as `#<number>`. `offset` is the byte position in the
/// whole input where the offending item (tag, varint, length or string) starts.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of malformed input.
    public enum Kind: Sendable, Equatable {
        /// The input ends inside a tag, varint or fixed-width value.
        case truncated
        /// A varint is longer than 10 bytes or does not fit in 64 bits.
        case varintTooLong
        /// A length prefix runs past the end of the enclosing message or input.
        case lengthPastEnd(length: UInt64)
        /// A known field arrived with a wire type its declared type cannot have.
        case wrongWireType(expected: WireType, actual: WireType)
        /// Wire types 3 and 4 (groups, not in proto3) and the unassigned 6 and 7.
        case invalidWireType(UInt8)
        /// Field number 0 or above 2^29 - 1.
        case invalidFieldNumber(UInt64)
        /// A `string` field holds bytes that are not valid UTF-8.
        case invalidUTF8
        /// Messages are nested deeper than `DecodingLimits.maxDepth`.
        case depthLimitExceeded(limit: Int)
    }

    public let kind: Kind
    /// Path components, outermost first: the fully qualified message name, then field names.
    public private(set) var pathComponents: [String]
    /// Byte offset in the complete input where the problem starts.
    public let offset: Int
    /// Number of the field being read when the error arose, not yet turned into a
    /// name because only the enclosing message's schema knows it.
    private var pendingFieldNumber: Int?

    init(_ kind: Kind, at offset: Int, fieldNumber: Int? = nil) {
        self.kind = kind
        self.offset = offset
        self.pathComponents = []
        self.pendingFieldNumber = fieldNumber
    }

    /// Builds an error as the decoder reports it, for comparisons in tests and callers.
    public init(_ kind: Kind, path: String, offset: Int) {
        self.kind = kind
        self.offset = offset
        self.pathComponents = [path]
        self.pendingFieldNumber = nil
    }

    /// Dotted path of the field (or message) where decoding failed.
    public var fieldPath: String { self.pathComponents.joined(separator: ".") }

    public var description: String {
        let path = self.fieldPath
        switch self.kind {
        case .truncated:
            return "input truncated in \(path) at byte \(self.offset)"
        case .varintTooLong:
            return "varint longer than 10 bytes or above 64 bits in \(path) at byte \(self.offset)"
        case .lengthPastEnd(let length):
            return "length \(length) runs past the end of the enclosing data in \(path) at byte \(self.offset)"
        case .wrongWireType(let expected, let actual):
            return "wrong wire type \(actual.rawValue) (\(actual)), expected \(expected.rawValue) (\(expected)), for field \(path) at byte \(self.offset)"
        case .invalidWireType(let wireType):
            return "invalid wire type \(wireType) in \(path) at byte \(self.offset)"
        case .invalidFieldNumber(let number):
            return "invalid field number \(number) in \(path) at byte \(self.offset)"
        case .invalidUTF8:
            return "invalid UTF-8 in string field \(path) at byte \(self.offset)"
        case .depthLimitExceeded(let limit):
            return "messages nested deeper than \(limit) levels at \(path) at byte \(self.offset)"
        }
    }

    public static func == (lhs: WireError, rhs: WireError) -> Bool {
        lhs.kind == rhs.kind && lhs.fieldPath == rhs.fieldPath && lhs.offset == rhs.offset
    }

    /// Marks the field whose value was being read, unless an inner level already did.
    func inField(_ fieldNumber: Int) -> WireError {
        guard self.pendingFieldNumber == nil else { return self }
        var copy = self
        copy.pendingFieldNumber = fieldNumber
        return copy
    }

    /// Names the pending field with a fixed component, e.g. `key` or `value` inside a
    /// map entry, whose field numbers no message schema lists.
    func within(_ component: String) -> WireError {
        var copy = self
        copy.pendingFieldNumber = nil
        copy.pathComponents.insert(component, at: 0)
        return copy
    }

    /// Turns the pending field number into a name from the enclosing message's schema.
    func resolvingField(in schema: MessageSchema) -> WireError {
        guard let number = self.pendingFieldNumber else { return self }
        return self.resolvingPendingField(named: schema.field(number: number)?.name ?? "#\(number)")
    }

    /// Completes the path with the top-level message name.
    func rooted(at messageName: String, schema: MessageSchema) -> WireError {
        var copy = self.resolvingField(in: schema)
        copy.pathComponents.insert(messageName, at: 0)
        return copy
    }

    private func resolvingPendingField(named name: String) -> WireError {
        var copy = self
        copy.pathComponents.insert(name, at: 0)
        copy.pendingFieldNumber = nil
        return copy
    }
}
