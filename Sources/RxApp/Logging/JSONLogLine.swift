import Logging
import RxWire

/// One log event rendered as a JSON object and a newline, built straight into bytes.
///
/// rx-server writes a line per call, so this sits on the I/O threads' hot path: it formats the
/// timestamp itself (glibc's `gmtime_r` takes a process-wide lock and `String(format:)` allocates
/// through Foundation) and never goes through intermediate `String`s. Keys come out sorted by
/// name so a line's shape does not depend on dictionary order.
public struct JSONLogLine: Sendable {
    public private(set) var bytes: [UInt8]

    /// - Parameters:
    ///   - unixNanoseconds: wall-clock time of the event (UTC).
    ///   - metadata: the event's own metadata.
    ///   - base: the logger's metadata; the event's wins for a key in both. Kept apart so the caller
    ///     need not build a merged dictionary per line.
    public init(
        unixNanoseconds: Int64, level: Logger.Level, message: String, metadata: Logger.Metadata,
        base: Logger.Metadata = [:]
    ) {
        self.bytes = []
        self.bytes.reserveCapacity(192 + message.utf8.count)
        self.append(ascii: "{\"ts\":\"")
        self.appendTimestamp(unixNanoseconds)
        self.append(ascii: "\",\"level\":")
        self.appendQuoted(level.rawValue)
        self.append(ascii: ",\"msg\":")
        self.appendQuoted(message)
        var entries: [(key: String, value: Logger.MetadataValue)] = []
        entries.reserveCapacity(metadata.count + base.count)
        for entry in metadata { entries.append(entry) }
        for entry in base where metadata[entry.key] == nil { entries.append(entry) }
        entries.sort { $0.key < $1.key }
        for (key, value) in entries {
            self.bytes.append(UInt8(ascii: ","))
            self.appendQuoted(key)
            self.bytes.append(UInt8(ascii: ":"))
            self.appendValue(value)
        }
        self.append(ascii: "}\n")
    }

    /// Integers logged as `.stringConvertible` stay numbers (`"port":50051`) so log queries can
    /// compare them; everything else is a string (a facility code like `79088` is text).
    private mutating func appendValue(_ value: Logger.MetadataValue) {
        switch value {
        case .string(let text):
            self.appendQuoted(text)
        case .stringConvertible(let other):
            let text = other.description
            if !(other is String), !(other is Substring), Self.isIntegerLiteral(text) {
                self.append(ascii: text)
            } else {
                self.appendQuoted(text)
            }
        case .array(let values):
            self.bytes.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { self.bytes.append(UInt8(ascii: ",")) }
                self.appendValue(element)
            }
            self.bytes.append(UInt8(ascii: "]"))
        case .dictionary(let entries):
            self.bytes.append(UInt8(ascii: "{"))
            for (index, key) in entries.keys.sorted().enumerated() {
                guard let element = entries[key] else { continue }
                if index > 0 { self.bytes.append(UInt8(ascii: ",")) }
                self.appendQuoted(key)
                self.bytes.append(UInt8(ascii: ":"))
                self.appendValue(element)
            }
            self.bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func isIntegerLiteral(_ text: String) -> Bool {
        var digits = 0
        for (index, byte) in text.utf8.enumerated() {
            if index == 0, byte == UInt8(ascii: "-") { continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            digits += 1
        }
        return digits > 0
    }

    private mutating func append(ascii text: String) {
        self.bytes.append(contentsOf: text.utf8)
    }

    /// JSON string escaping: quote, backslash and control characters; other UTF-8 passes through.
    private mutating func appendQuoted(_ text: String) {
        self.bytes.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: Self.needsEscape) {
            self.bytes.append(contentsOf: text.utf8)
            self.bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): self.append(ascii: "\\\"")
            case UInt8(ascii: "\\"): self.append(ascii: "\\\\")
            case UInt8(ascii: "\n"): self.append(ascii: "\\n")
            case UInt8(ascii: "\r"): self.append(ascii: "\\r")
            case UInt8(ascii: "\t"): self.append(ascii: "\\t")
            case 0..<0x20:
                self.append(ascii: "\\u00")
                self.bytes.append(Self.hexDigit(byte >> 4))
                self.bytes.append(Self.hexDigit(byte & 0x0F))
            default:
                self.bytes.append(byte)
            }
        }
        self.bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, the date from RxWire's `CivilDate(daysSinceEpoch:)`.
    private mutating func appendTimestamp(_ unixNanoseconds: Int64) {
        let seconds = unixNanoseconds.floorDivided(by: 1_000_000_000)
        let micros = (unixNanoseconds - seconds * 1_000_000_000) / 1000
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        self.appendDigits(Int64(date.year), width: 4)
        self.bytes.append(UInt8(ascii: "-"))
        self.appendDigits(Int64(date.month), width: 2)
        self.bytes.append(UInt8(ascii: "-"))
        self.appendDigits(Int64(date.day), width: 2)
        self.bytes.append(UInt8(ascii: "T"))
        self.appendDigits(secondOfDay / 3600, width: 2)
        self.bytes.append(UInt8(ascii: ":"))
        self.appendDigits(secondOfDay / 60 % 60, width: 2)
        self.bytes.append(UInt8(ascii: ":"))
        self.appendDigits(secondOfDay % 60, width: 2)
        self.bytes.append(UInt8(ascii: "."))
        self.appendDigits(micros, width: 6)
        self.bytes.append(UInt8(ascii: "Z"))
    }

    private mutating func appendDigits(_ value: Int64, width: Int) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            self.bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
