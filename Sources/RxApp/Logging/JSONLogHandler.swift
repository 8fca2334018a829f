import Foundation
import Logging
import Synchronization

/// Writes one JSON object per line to stderr: `{"ts":…,"level":…,"msg":…, …metadata}`.
///
/// Operators feed these lines to log shippers; a line is written with a single `write(2)` so
/// lines from different I/O threads never interleave. Callers must never put patient data in
/// log metadata: the handler cannot tell.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    public init(label: String, level: Logger.Level = .info) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = "{\"ts\":\(Self.quote(Self.timestamp())),\"level\":\(Self.quote(event.level.rawValue))"
        line += ",\"msg\":\(Self.quote(event.message.description))"
        var merged = self.metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for key in merged.keys.sorted() {
            guard let value = merged[key] else { continue }
            line += "," + Self.quote(key) + ":" + Self.jsonValue(value)
        }
        line += "}\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(2, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Integers logged as `.stringConvertible` stay numbers (`"port":50051`) so log queries can
    /// compare them; everything else is a string (a facility code like `79088` is text).
    private static func jsonValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .stringConvertible(let number as any BinaryInteger):
            return "\(number)"
        case .string(let text):
            return self.quote(text)
        case .stringConvertible(let other):
            return self.quote(other.description)
        case .array(let values):
            return "[" + values.map(self.jsonValue).joined(separator: ",") + "]"
        case .dictionary(let entries):
            let body = entries.keys.sorted().compactMap { key in entries[key].map { self.quote(key) + ":" + self.jsonValue($0) } }
            return "{" + body.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func timestamp() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var time = spec.tv_sec
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, spec.tv_nsec / 1000)
    }
}
