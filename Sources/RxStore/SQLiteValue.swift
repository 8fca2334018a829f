/// One SQLite value as Swift sees it: the five storage classes SQLite has.
///
/// Used for binding parameters in bulk (`connection.run(sql, 1, "text", nil)`) and for reading columns
/// whose type is not known in advance; hot paths use the typed `bind`/column accessors of
/// ``SQLiteStatement`` directly.
public enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    /// UTF-8 text.
    case text(String)
    case blob([UInt8])
    case null

    /// The integer, when this is `.integer`.
    public var int64Value: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The number, when this is `.real` or `.integer`.
    public var doubleValue: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    /// The text, when this is `.text`.
    public var stringValue: String? {
        if case .text(let value) = self { value } else { nil }
    }

    /// The bytes, when this is `.blob`.
    public var blobValue: [UInt8]? {
        if case .blob(let value) = self { value } else { nil }
    }

    /// Whether this is SQL `NULL`.
    public var isNull: Bool {
        if case .null = self { true } else { false }
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) {
        self = .null
    }
}
