import Foundation
import Logging
import Synchronization

/// Writes one JSON object per line to stderr: `{"ts":…,"level":…,"msg":…, …metadata}`.
///
/// Operators feed these lines to log shippers. Lines are whole when appended to a ``LogWriter``, so
/// lines from different I/O threads never interleave, and the I/O threads never wait for stderr.
/// Callers must never put patient data in log metadata: the handler cannot tell.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let writer: LogWriter

    /// - Parameter writer: where lines go; flush it before the process exits.
    public init(label: String, level: Logger.Level = .info, writer: LogWriter = .standardError) {
        self.label = label
        self.logLevel = level
        self.writer = writer
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let line = JSONLogLine(
            unixNanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec),
            level: event.level, message: event.message.description, metadata: event.metadata ?? [:], base: self.metadata)
        self.writer.append(line.bytes)
    }
}
