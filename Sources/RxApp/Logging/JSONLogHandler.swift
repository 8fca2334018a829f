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
        var merged = self.metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let line = JSONLogLine(
            unixNanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec),
            level: event.level, message: event.message.description, metadata: merged)
        line.bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(2, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
